/** The words of HQ, the franchise owner’s dashboard on the server. */
import { bilingual } from '../bilingual';
import { plural } from '../plural';

export const hqMessages = bilingual({
  en: {
    title: 'Treu HQ',
    loading: 'Loading…',
    language: 'Language',
    login: {
      title: 'Sign in to HQ',
      intro: 'The franchise owner’s view of every store: figures, terminals and exports.',
      username: 'User name',
      password: 'Password',
      submit: 'Sign in',
      working: 'Signing in…',
    },
    signedInAs: (user: string, tenant: string) => `${user} · ${tenant}`,
    signOut: 'Sign out',
    sessionEnded: 'Your session has ended. Please sign in again.',
    networkError: 'The server cannot be reached. Check the connection and try again.',
    period: {
      legend: 'Period',
      label: 'Show',
      today: 'Today',
      week: 'Last 7 days',
      month: 'Last 30 days',
      custom: 'Custom',
      from: 'From',
      to: 'To',
      apply: 'Show figures',
      range: (from: string, to: string) => (from === to ? from : `${from} to ${to}`),
    },
    kpis: {
      title: 'All stores',
      membersEnrolled: 'New members',
      activeMembers: 'Active members',
      retentionRate: 'Retention',
      repeatVisitRate: 'Repeat visits',
      redemptionRate: 'Redemption rate',
      stampsEarned: 'Stamps earned',
      redemptions: 'Rewards redeemed',
      overdrafts: 'Overdrafts',
      none: 'n/a',
    },
    stores: { title: 'Per store', store: 'Store' },
    trend: {
      title: 'Trend per day',
      chartLabel: (from: string, to: string, stamps: number, redemptions: number) =>
        `Bar chart of stamps and redemptions per day from ${from} to ${to}: ${plural(stamps, 'stamp', 'stamps')} and ${plural(redemptions, 'redemption', 'redemptions')} in all. The table below has every day.`,
      tableToggle: 'Show the figures as a table',
      date: 'Day',
      stamps: 'Stamps',
      redemptions: 'Redemptions',
    },
    terminals: {
      title: 'Terminals',
      name: 'Terminal',
      store: 'Store',
      lastSync: 'Last sync',
      state: 'State',
      never: 'never',
      active: 'active',
      revoked: (when: string) => `revoked ${when}`,
      revoke: (name: string) => `Revoke ${name}`,
      revokeShort: 'Revoke',
      confirm: (name: string) =>
        `Revoke the terminal “${name}”? It can no longer sync until it is enrolled again with a new code.`,
      confirmYes: 'Revoke',
      cancel: 'Cancel',
      revoking: 'Revoking…',
      done: (name: string) => `${name} is revoked.`,
      empty: 'No terminal is enrolled yet.',
    },
    overdrafts: {
      title: 'Overdrafts',
      empty: 'No overdraft in this period.',
      when: 'When',
      store: 'Store',
      terminal: 'Terminal',
      member: 'Member',
      reward: 'Reward',
      balanceBefore: 'Balance before',
    },
    segments: {
      title: 'Member exports (CSV)',
      intro: 'For mailings: only members who agreed to marketing come with their contact details.',
      lapsedDays: 'No visit for (days)',
      lapsed: 'Download lapsed members',
      lapsedHelp:
        'Members who came before but not in the last days given, with marketing consent and an email or phone number: for a win-back mailing.',
      champions: 'Download champions of the period',
      championsHelp: 'The members with the most visits (then stamps) in the period shown above.',
      downloading: 'Preparing the file…',
      downloaded: (file: string) => `Downloaded ${file}.`,
    },
    refreshing: 'Loading figures…',
    errors: {
      wrong_password: 'The user name or the password is wrong.',
      too_many_attempts: (minutes: number | undefined) =>
        minutes === undefined
          ? 'Too many wrong passwords for this name. Please wait a while and try again.'
          : `Too many wrong passwords for this name. Try again in ${plural(minutes, 'minute', 'minutes')}.`,
      unauthorized: 'Your session has ended. Please sign in again.',
      invalid_query:
        'The server cannot show these figures. Check the dates (real days, the first not after the last, at most 366 days) and the number of days.',
      invalid_body: 'The server could not read what HQ sent. Reload the page and try again.',
      malformed_json: 'The server could not read what HQ sent. Reload the page and try again.',
      forbidden_origin:
        'The server takes this only from HQ’s own page. Open HQ at the server’s address and try again.',
      not_found: 'This store or terminal is not among yours (any more). Reload the page.',
      server_error: 'The server ran into a problem. Please try again in a moment.',
      unreadable:
        'The server sent an answer HQ cannot read. Reload the page; if that does not help, the server may run another version.',
      other: (status: number) => `The server refused (HTTP ${status}).`,
      detail: (message: string) => `Server: ${message}`,
    },
  },
  de: {
    title: 'Treu Zentrale',
    loading: 'Wird geladen…',
    language: 'Sprache',
    login: {
      title: 'Bei der Zentrale anmelden',
      intro: 'Die Sicht des Franchisegebers auf alle Filialen: Kennzahlen, Terminals und Exporte.',
      username: 'Benutzername',
      password: 'Passwort',
      submit: 'Anmelden',
      working: 'Anmeldung läuft…',
    },
    signedInAs: (user: string, tenant: string) => `${user} · ${tenant}`,
    signOut: 'Abmelden',
    sessionEnded: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    networkError:
      'Der Server ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
    period: {
      legend: 'Zeitraum',
      label: 'Anzeigen',
      today: 'Heute',
      week: 'Letzte 7 Tage',
      month: 'Letzte 30 Tage',
      custom: 'Eigener Zeitraum',
      from: 'Von',
      to: 'Bis',
      apply: 'Kennzahlen anzeigen',
      range: (from: string, to: string) => (from === to ? from : `${from} bis ${to}`),
    },
    kpis: {
      title: 'Alle Filialen',
      membersEnrolled: 'Neue Mitglieder',
      activeMembers: 'Aktive Mitglieder',
      retentionRate: 'Kundenbindung',
      repeatVisitRate: 'Wiederholte Besuche',
      redemptionRate: 'Einlösequote',
      stampsEarned: 'Vergebene Stempel',
      redemptions: 'Eingelöste Prämien',
      overdrafts: 'Überziehungen',
      none: 'k. A.',
    },
    stores: { title: 'Je Filiale', store: 'Filiale' },
    trend: {
      title: 'Verlauf je Tag',
      chartLabel: (from: string, to: string, stamps: number, redemptions: number) =>
        `Balkendiagramm der Stempel und Einlösungen je Tag vom ${from} bis ${to}: insgesamt ${plural(stamps, 'Stempel', 'Stempel')} und ${plural(redemptions, 'Einlösung', 'Einlösungen')}. Die Tabelle darunter enthält jeden Tag.`,
      tableToggle: 'Zahlen als Tabelle zeigen',
      date: 'Tag',
      stamps: 'Stempel',
      redemptions: 'Einlösungen',
    },
    terminals: {
      title: 'Terminals',
      name: 'Terminal',
      store: 'Filiale',
      lastSync: 'Letzte Synchronisierung',
      state: 'Status',
      never: 'nie',
      active: 'aktiv',
      revoked: (when: string) => `gesperrt ${when}`,
      revoke: (name: string) => `${name} sperren`,
      revokeShort: 'Sperren',
      confirm: (name: string) =>
        `Das Terminal „${name}“ sperren? Es kann erst wieder synchronisieren, wenn es mit einem neuen Code angemeldet wird.`,
      confirmYes: 'Sperren',
      cancel: 'Abbrechen',
      revoking: 'Wird gesperrt…',
      done: (name: string) => `${name} ist gesperrt.`,
      empty: 'Noch ist kein Terminal angemeldet.',
    },
    overdrafts: {
      title: 'Überziehungen',
      empty: 'Keine Überziehung in diesem Zeitraum.',
      when: 'Wann',
      store: 'Filiale',
      terminal: 'Terminal',
      member: 'Mitglied',
      reward: 'Prämie',
      balanceBefore: 'Guthaben davor',
    },
    segments: {
      title: 'Mitglieder-Exporte (CSV)',
      intro: 'Für Mailings: Kontaktdaten nur von Mitgliedern, die der Werbung zugestimmt haben.',
      lapsedDays: 'Kein Besuch seit (Tagen)',
      lapsed: 'Abgewanderte Mitglieder herunterladen',
      lapsedHelp:
        'Mitglieder, die früher kamen, aber nicht in den angegebenen letzten Tagen, mit Werbeeinwilligung und E-Mail oder Telefonnummer: für ein Rückgewinnungs-Mailing.',
      champions: 'Stammkunden des Zeitraums herunterladen',
      championsHelp:
        'Die Mitglieder mit den meisten Besuchen (dann Stempeln) im oben gezeigten Zeitraum.',
      downloading: 'Datei wird vorbereitet…',
      downloaded: (file: string) => `${file} heruntergeladen.`,
    },
    refreshing: 'Kennzahlen werden geladen…',
    errors: {
      wrong_password: 'Benutzername oder Passwort ist falsch.',
      too_many_attempts: (minutes: number | undefined) =>
        minutes === undefined
          ? 'Zu viele falsche Passwörter für diesen Namen. Bitte warten Sie eine Weile und versuchen Sie es dann erneut.'
          : `Zu viele falsche Passwörter für diesen Namen. Versuchen Sie es in ${plural(minutes, 'Minute', 'Minuten')} erneut.`,
      unauthorized: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
      invalid_query:
        'Der Server kann diese Kennzahlen nicht zeigen. Prüfen Sie die Daten (echte Tage, der erste nicht nach dem letzten, höchstens 366 Tage) und die Zahl der Tage.',
      invalid_body:
        'Der Server konnte nicht lesen, was die Zentrale gesendet hat. Laden Sie die Seite neu und versuchen Sie es erneut.',
      malformed_json:
        'Der Server konnte nicht lesen, was die Zentrale gesendet hat. Laden Sie die Seite neu und versuchen Sie es erneut.',
      forbidden_origin:
        'Der Server nimmt das nur von der Seite der Zentrale an. Öffnen Sie die Zentrale unter der Adresse des Servers und versuchen Sie es erneut.',
      not_found:
        'Diese Filiale oder dieses Terminal gehört nicht (mehr) zu Ihren. Laden Sie die Seite neu.',
      server_error:
        'Auf dem Server ist ein Problem aufgetreten. Bitte versuchen Sie es gleich noch einmal.',
      unreadable:
        'Der Server hat eine Antwort gesendet, die die Zentrale nicht lesen kann. Laden Sie die Seite neu; hilft das nicht, läuft auf dem Server vielleicht eine andere Version.',
      other: (status: number) => `Der Server hat abgelehnt (HTTP ${status}).`,
      detail: (message: string) => `Server: ${message}`,
    },
  },
});
