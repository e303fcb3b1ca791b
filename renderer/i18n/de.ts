/** The terminal's words in German, in the shape of en.ts. */
import { managerMessages } from './areas/manager';
import { programsMessages } from './areas/programs';
import { staffMessages } from './areas/staff';
import { reportsMessages } from './areas/reports';
import { conflictsMessages } from './areas/conflicts';
import { dayEndMessages } from './areas/day-end';
import { kioskMessages } from './areas/kiosk';
import { hqMessages } from './areas/hq';
import { pwaMessages } from './areas/pwa';
import { desktopMessages } from './areas/desktop';
import type { Messages } from './en';
import { plural } from './plural';

export const de: Messages = {
  languageName: 'Deutsch',
  app: {
    title: 'Treu',
    loading: 'Terminal wird geöffnet…',
    storageError: (detail: string) =>
      `Der Speicher des Terminals lässt sich nicht öffnen (${detail}). Andere Treu-Fenster schließen und neu laden.`,
  },
  firstRun: {
    title: 'Terminal einrichten',
    intro:
      'Geschäft benennen und die Leitung anlegen. Das Terminal beginnt mit einer Kaffeekarte: zehn Stempel, der elfte Kaffee gratis.',
    storeName: 'Name des Geschäfts',
    managerName: 'Name der Leitung',
    pin: 'PIN der Leitung (4 bis 8 Ziffern)',
    pinAgain: 'PIN wiederholen',
    language: 'Sprache',
    submit: 'Einrichten',
    working: 'Wird eingerichtet: Schlüssel des Terminals wird erzeugt…',
    errors: {
      store_name: 'Namen des Geschäfts eingeben (bis zu 80 Zeichen).',
      manager_name: 'Namen der Leitung eingeben (bis zu 60 Zeichen).',
      pin_format: 'Die PIN hat 4 bis 8 Ziffern.',
      pin_mismatch: 'Die beiden PINs sind verschieden. Zweimal dieselbe PIN eingeben.',
      already_set_up: 'Dieses Terminal ist schon eingerichtet. Neu laden und anmelden.',
    },
  },
  signIn: {
    title: 'Anmelden',
    whoAreYou: 'Wer steht an der Kasse?',
    enterPin: (name: string) => `PIN für ${name}`,
    checking: 'Wird geprüft…',
    other: 'Jemand anderes',
    errors: {
      wrong_pin: (left: number) =>
        left > 0
          ? `Falsche PIN. Noch ${plural(left, 'Versuch', 'Versuche')}, dann wird das Feld gesperrt.`
          : 'Falsche PIN.',
      locked: (seconds: number) =>
        `Zu viele falsche PINs. Das Feld ist für ${plural(seconds, 'Sekunde', 'Sekunden')} gesperrt.`,
      pin_format: 'Eine PIN hat 4 bis 8 Ziffern.',
      unknown_staff: 'Diese Person steht nicht mehr auf der Mitarbeiterliste.',
    },
  },
  pinPad: {
    label: 'PIN-Feld',
    digit: (d: string) => `Ziffer ${d}`,
    delete: 'Letzte Ziffer löschen',
    clear: 'Leeren',
    ok: 'OK',
    entered: (n: number) => plural(n, 'Ziffer eingegeben', 'Ziffern eingegeben'),
  },
  nav: {
    label: 'Bereiche',
    counter: 'Kasse',
    enrol: 'Neues Mitglied',
    members: 'Mitglieder',
    settings: 'Einstellungen',
    signOut: 'Abmelden',
    signedInAs: (name: string, role: string) => `${name} (${role})`,
    roles: { cashier: 'Kasse', manager: 'Leitung' },
  },
  status: {
    label: 'Status des Terminals',
    online: 'Online',
    offline: 'Offline',
    pending: (n: number) =>
      n === 0
        ? 'Alles abgeglichen'
        : plural(n, 'Ereignis nicht abgeglichen', 'Ereignisse nicht abgeglichen'),
    lastSync: (when: string) => `Letzter Abgleich: ${when}`,
    neverSynced: 'Noch mit keinem Server verbunden',
    notSyncedYet: 'Verbunden, noch nicht synchronisiert',
    syncProblem: (problem: string) => `Synchronisation: ${problem}`,
    reader: {
      off: 'Kartenleser: aus',
      searching: 'Kartenleser: nicht eingesteckt',
      connected: (device: string) => `Kartenleser: ${device}`,
      error: (message: string) => `Kartenleser: ${message}`,
    },
    update: {
      downloading: (version: string, percent: number) =>
        `Update ${version}: wird geladen, ${Math.round(percent)} %`,
      ready: (version: string) =>
        `Update ${version} bereit: wird installiert, sobald die Kasse frei ist`,
      installing: 'Update wird installiert…',
      error: (message: string) => `Update: ${message}`,
    },
  },
  counter: {
    title: 'Kasse',
    waiting: 'Mitgliedskarte scannen',
    waitingHint: 'Mit dem Scanner, der Kamera oder per Suche nach Name, Telefon oder Kartennummer.',
    camera: 'Mit der Kamera scannen',
    stopCamera: 'Kamera ausschalten',
    chooseCamera: 'Kamera',
    noCamera: 'Auf diesem Gerät wurde keine Kamera gefunden.',
    cameraDenied: 'Die Kamera darf nicht benutzt werden: in den Browser-Einstellungen erlauben.',
    search: 'Mitglieder suchen',
    searchPlaceholder: 'Name, Telefon oder Kartennummer',
    noMatches: 'Kein Mitglied gefunden.',
    close: 'Fertig mit diesem Mitglied',
    stamp: (n: number) => `+${n} ${n === 1 ? 'Stempel' : 'Stempel'}`,
    stampMany: 'Stempel geben',
    overdrawn: (n: number) =>
      `Überzogen: ${plural(n, 'Prämie wurde', 'Prämien wurden')} ohne genug Stempel eingelöst, von Terminals, die gleichzeitig offline waren. Spätere Stempel gleichen es aus.`,
    count: 'Anzahl Stempel',
    redeem: (reward: string) => `Einlösen: ${reward}`,
    undo: 'Letzte Aktion rückgängig',
    feedback: 'Wie war es heute?',
    feedbackStar: (n: number) => plural(n, 'Stern', 'Sterne'),
    feedbackThanks: 'Danke für die Rückmeldung.',
    done: 'Erledigt',
    stamped: (n: number, balance: number) =>
      `${plural(n, 'Stempel', 'Stempel')} gegeben. Stand jetzt ${balance}.`,
    redeemed: (reward: string) => `${reward} eingelöst.`,
    undone: 'Letzte Aktion rückgängig gemacht.',
    toNext: (n: number, reward: string) =>
      n <= 0
        ? `${reward} kann jetzt eingelöst werden.`
        : `Noch ${plural(n, 'Stempel', 'Stempel')} bis ${reward}.`,
    tier: (name: string) => `Stufe: ${name}`,
    history: 'Letzte Vorgänge',
    program: 'Programm',
    stampCard: (have: number, of: number) => `Stempelkarte: ${have} von ${of} Stempeln`,
  },
  scan: {
    malformed_card_code: 'Das ist keine lesbare Kartennummer. Karte noch einmal scannen.',
    check_failed: 'Die Karte wurde nicht richtig gelesen. Noch einmal scannen.',
    not_a_treu_code: 'Dieser Code ist keine Treu-Mitgliedskarte.',
    unknown_version:
      'Diese Karte hat ein neueres Format, als dieses Terminal kennt. Terminal aktualisieren.',
    unknown_card:
      'Diese Karte ist hier nicht bekannt. Kundschaft als Mitglied aufnehmen oder die Karte einem Mitglied zuordnen.',
    card_blocked:
      'Diese Karte ist gesperrt (verloren oder gestohlen gemeldet). Mitglied per Name suchen und eine neue Karte geben.',
    member_erased:
      'Die Daten dieses Mitglieds wurden auf Wunsch gelöscht. Als neues Mitglied aufnehmen.',
  },
  refusal: {
    cooldown: (seconds: number) =>
      `Diese Karte wurde gerade gestempelt. ${plural(seconds, 'Sekunde', 'Sekunden')} warten, damit nichts doppelt zählt; für mehrere Artikel auf einmal +N nehmen.`,
    cap_per_transaction: (cap: number) =>
      `Höchstens ${plural(cap, 'Stempel', 'Stempel')} pro Einkauf.`,
    cap_per_day: (cap: number, remaining: number) =>
      remaining === 0
        ? `Heute wurden schon die erlaubten ${cap} Stempel gegeben. Morgen wieder.`
        : `Heute sind nur noch ${remaining} erlaubt (Grenze ${cap}).`,
    below_minimum_amount: 'Dieser Einkauf ist zu klein für einen Stempel.',
    invalid_quantity: 'Eine ganze Zahl ab 1 eingeben.',
    not_enough_stamps: (missing: number, reward: string) =>
      `Für ${reward} ${missing === 1 ? 'fehlt noch 1 Stempel' : `fehlen noch ${missing} Stempel`}.`,
    unknown_reward: 'Diese Prämie gehört nicht mehr zum Programm.',
    card_blocked: 'Diese Karte ist gesperrt. Dem Mitglied eine neue Karte geben.',
    member_erased: 'Die Daten dieses Mitglieds wurden gelöscht.',
    offline_limit: (limit: number) =>
      `Offline darf ein Mitglied ${plural(limit, 'Prämie', 'Prämien')} am Tag einlösen. Wieder versuchen, wenn das Terminal online ist.`,
    needs_network: 'Diese Prämie kann nur eingelöst werden, wenn das Terminal online ist.',
    program_expired: (date: string) => `Dieses Programm ist am ${date} ausgelaufen.`,
    not_undoable: 'Nur Stempel und Einlösungen lassen sich rückgängig machen.',
    already_undone: 'Das wurde schon rückgängig gemacht.',
    undo_window_passed: (seconds: number) =>
      `Zu spät zum Rückgängigmachen (mehr als ${plural(Math.round(seconds / 60), 'Minute', 'Minuten')}). Die Leitung fragen.`,
    manager_required: 'Das darf nur die Leitung.',
    nothing_to_undo: 'An diesem Terminal gibt es nichts rückgängig zu machen.',
    unknown_program: 'Dieses Programm gibt es auf diesem Terminal nicht.',
  },
  enrol: {
    title: 'Neues Mitglied',
    intro: 'Alles außer der Karte ist freiwillig. Vor dem Notieren persönlicher Daten fragen.',
    name: 'Name',
    phone: 'Telefon',
    email: 'E-Mail',
    birthday: 'Geburtstag',
    consent: 'Dürfen wir Angebote schicken? (Werbeeinwilligung)',
    card: 'Karte',
    newQr: 'Neue QR-Karte (angezeigt und gedruckt)',
    scannedCard: 'Jetzt eine NFC- oder Barcode-Karte scannen',
    scannedCardKind: 'Art der gescannten Karte',
    kinds: { qr: 'QR', nfc: 'NFC', barcode: 'Barcode' },
    waitingForCard: 'Warte auf einen Karten-Scan…',
    cardScanned: (id: string) => `Karte ${id} gescannt.`,
    referral: 'Geworben von (deren Karte scannen)',
    referrer: (name: string) => `Geworben von ${name}`,
    removeReferrer: 'Entfernen',
    submit: 'Aufnehmen',
    enrolled: (name: string) => `${name} aufgenommen.`,
    anonymous: 'Neues Mitglied',
    print: 'Karte drucken',
    toCounter: 'Zur Kasse',
    another: 'Weiteres Mitglied aufnehmen',
    qrLabel: 'QR-Code der Mitgliedskarte',
    fieldErrors: {
      name: 'Namen haben höchstens 120 Zeichen, ohne Leerzeichen am Anfang oder Ende.',
      phone: 'Eine Telefonnummer hat nur Ziffern, Leerzeichen und + ( ) / -.',
      email: 'Das ist keine E-Mail-Adresse.',
      birthday: 'Einen echten Tag angeben, als MM-TT oder JJJJ-MM-TT.',
    },
    card_in_use: 'Diese Karte gehört schon einem anderen Mitglied.',
  },
  members: {
    title: 'Mitglieder',
    search: 'Suchen',
    empty: 'Nach Name, Telefon oder Kartennummer suchen.',
    open: (name: string) => `${name} öffnen`,
    profile: 'Profil',
    cards: 'Karten',
    blocked: 'gesperrt',
    balances: 'Stand',
    history: 'Verlauf',
    replaceCard: 'Karte verloren: sperren und neue zuordnen',
    replacePrompt: 'Neue Karte scannen oder eine neue QR-Karte erzeugen.',
    makeQr: 'Neue QR-Karte',
    replaced: 'Die verlorene Karte ist gesperrt, die neue zugeordnet. Der Stand bleibt.',
    merge: 'Doppeltes Konto in dieses zusammenführen',
    mergePrompt: 'Doppeltes Konto suchen:',
    mergeConfirm: (from: string, into: string) =>
      `${from} in ${into} zusammenführen? Stempel und Karten wandern mit; das lässt sich nicht rückgängig machen.`,
    merged: 'Konten zusammengeführt.',
    export: 'Daten exportieren (JSON)',
    erase: 'Persönliche Daten löschen',
    eraseConfirm: (name: string) =>
      `Persönliche Daten von ${name} löschen? Die Stempel bleiben, ohne Namen. Das lässt sich nicht rückgängig machen.`,
    erased: 'Persönliche Daten gelöscht.',
    confirm: 'Ja, ausführen',
    cancel: 'Abbrechen',
    managerOnly: 'Nur Leitung',
    noName: 'Ohne Namen',
    unknownMember: 'Dieses Mitglied gibt es auf diesem Terminal nicht.',
    sameMember: 'Ein Konto kann nicht in sich selbst zusammengeführt werden.',
    erasedMember: 'Gelöschtes Mitglied',
  },
  settings: {
    title: 'Einstellungen',
    language: 'Sprache',
    storage: 'Speicher',
    persisted: 'Dauerhaft gespeichert: der Browser löscht die Daten nicht, wenn Platz knapp wird.',
    notPersisted:
      'Nicht dauerhaft gespeichert: der Browser kann die Daten löschen, wenn Platz knapp wird. App installieren oder dauerhaften Speicher erlauben.',
    requestPersist: 'Dauerhaften Speicher anfragen',
    quota: (used: string, total: string) => `${used} belegt von ${total} verfügbar`,
    unknownQuota: 'Der Browser sagt nicht, wie viel Platz es gibt.',
    terminal: 'Terminal',
    terminalId: 'Terminal-Kennung',
    store: 'Geschäft',
    camera: 'Kamera',
    counter: 'Kasse',
    stampOnScan:
      'Beim Scannen einer Karte sofort einen Stempel geben (ein zweiter Scan in der Sperrzeit gibt keinen)',
    cameraDefault: 'Beim Scannen wählen',
  },
  sync: {
    heading: 'Server',
    notEnrolled:
      'Dieses Terminal arbeitet für sich. Verbinden Sie es mit dem Server, damit es Mitglieder, Stempel und Programme mit den anderen Terminals des Geschäfts teilt.',
    address: 'Adresse des Servers',
    code: 'Anmeldecode',
    codeHint: 'Eine Leitung erstellt ihn auf dem Server: npm run admin -- code <Filial-ID>',
    name: 'Name dieses Terminals',
    connect: 'Verbinden',
    connecting: 'Verbinde…',
    connected: (url: string, store: string) => `Verbunden mit ${url} für ${store}.`,
    syncNow: 'Jetzt synchronisieren',
    syncing: 'Synchronisiere…',
    progress: (pushed: number, pulled: number) =>
      `${plural(pushed, 'Ereignis', 'Ereignisse')} gesendet, ${plural(pulled, 'Ereignis', 'Ereignisse')} empfangen`,
    synced: (pushed: number, pulled: number) =>
      `Synchronisiert: ${plural(pushed, 'Ereignis', 'Ereignisse')} gesendet, ${plural(pulled, 'Ereignis', 'Ereignisse')} empfangen.`,
    problem: {
      offline:
        'Der Server ist nicht erreichbar. Das Terminal arbeitet weiter und synchronisiert, sobald es geht.',
      unauthorized: 'Der Server kennt den Schlüssel dieses Terminals nicht. Bitte neu anmelden.',
      revoked: 'Der Server hat dieses Terminal gesperrt. Eine Leitung muss es neu anmelden.',
      clock_ahead:
        'Der Server hat Ereignisse abgelehnt, deren Zeit seiner Uhr voraus ist. Prüfen Sie Datum und Uhrzeit dieses Geräts; die Ereignisse bleiben erhalten.',
      rejected: 'Der Server hat die Anfrage abgelehnt.',
      server_error: 'Der Server hatte einen Fehler. Das Terminal versucht es später erneut.',
      bad_answer: 'Die Antwort des Servers ist unlesbar. Stimmt die Adresse?',
      not_set_up: 'Richten Sie zuerst das Terminal ein.',
      already_enrolled: (url: string) => `Dieses Terminal ist bereits mit ${url} verbunden.`,
      bad_address: 'Das ist keine Serveradresse. Beispiel: http://192.168.1.20:8080',
      not_enrolled: 'Dieses Terminal ist mit keinem Server verbunden.',
      unknown_code:
        'Diesen Anmeldecode gibt es nicht. Prüfen Sie ihn oder fordern Sie einen neuen an.',
      code_used: 'Dieser Anmeldecode wurde schon benutzt. Fordern Sie einen neuen an.',
      code_expired: 'Dieser Anmeldecode ist abgelaufen. Fordern Sie einen neuen an.',
      ledger_changed:
        'Während der Anmeldung wurde in einem anderen Fenster gebucht, daher wurde nichts geändert. Fordern Sie einen neuen Code an und melden Sie das Terminal erneut an.',
    },
  },
  history: {
    'member.enrolled': 'Aufgenommen',
    'member.updated': 'Profil geändert',
    'member.erased': 'Persönliche Daten gelöscht',
    'member.merged': 'Konten zusammengeführt',
    'card.linked': 'Karte zugeordnet',
    'card.blocked': 'Karte gesperrt',
    'program.published': 'Programm veröffentlicht',
    'stamps.earned': (n: number) => (n >= 0 ? `+${n} Stempel` : `${n} Stempel`),
    'reward.redeemed': (reward: string) => `Eingelöst: ${reward}`,
    'event.voided': 'Rückgängig gemacht',
    'feedback.given': (n: number) => `Rückmeldung: ${plural(n, 'Stern', 'Sterne')}`,
    'day.closed': 'Tagesabschluss',
    voided: 'rückgängig',
  },
  errors: {
    unexpected: (detail: string) =>
      `Etwas ist schiefgegangen: ${detail}. Es wurde nichts gespeichert.`,
  },
  manager: managerMessages.de,
  programs: programsMessages.de,
  staff: staffMessages.de,
  reports: reportsMessages.de,
  conflicts: conflictsMessages.de,
  dayEnd: dayEndMessages.de,
  kiosk: kioskMessages.de,
  hq: hqMessages.de,
  pwa: pwaMessages.de,
  desktop: desktopMessages.de,
};
