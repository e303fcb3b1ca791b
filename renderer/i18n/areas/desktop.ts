/**
 * The words of the desktop terminal's own settings (card reader, window, updates, the
 * app, the printer) and of printing a member card. The card reader's and an update's
 * states in the status bar's words live in en.ts/de.ts under `status`; describe-desktop.ts
 * puts the two together.
 */
import { bilingual } from '../bilingual';

export const desktopMessages = bilingual({
  en: {
    heading: 'This desktop terminal',
    managerOnly: 'Only a manager can change these settings.',
    failed: (problem: string, detail: string | undefined) =>
      `That did not work: ${problem}${detail === undefined ? '' : ` (${detail})`}`,
    problem: {
      invalid_input: 'the terminal did not accept the request. Try again.',
      not_allowed: 'this is not allowed on this terminal.',
      unavailable:
        'this terminal cannot do that. Update Treu, or check that the device is connected.',
      failed: 'the terminal could not do it. Try again.',
      no_answer:
        'the terminal gave no usable answer. Try again, or restart Treu if it keeps happening.',
    },
    reader: {
      heading: 'Card reader',
      devices: 'Devices plugged in',
      noDevices: 'No USB input device is plugged in.',
      loadingDevices: 'Looking for devices…',
      known: 'known card reader',
      ids: (vendorId: string, productId: string) => `USB ${vendorId}:${productId}`,
      use: (name: string) => `Use ${name}`,
      anyKnown: 'Use any known reader',
      off: 'Turn the card reader off',
      refresh: 'Refresh the list',
      switching: 'Switching the card reader…',
    },
    window: {
      heading: 'Window',
      mode: 'How Treu fills the screen',
      modes: {
        kiosk: 'Kiosk: full screen, locked (nothing else can be opened)',
        fullscreen: 'Full screen',
        windowed: 'In a window',
      },
    },
    update: {
      heading: 'Updates',
      off: 'Updates are off: this terminal is not connected to a server that offers them.',
      checking: 'Looking for an update…',
      upToDate: 'Treu is up to date.',
      checkNow: 'Check now',
    },
    app: {
      heading: 'App',
      version: 'Version',
      platform: 'System',
      electron: 'Electron',
      quit: 'Quit Treu',
      quitConfirm:
        'Quit Treu? The counter stops until Treu is started again. Nothing recorded is lost.',
      quitYes: 'Quit',
      cancel: 'Cancel',
    },
    printer: {
      heading: 'Printer for member cards',
      label: 'Printer',
      systemDefault: 'The system’s default printer',
      none: 'No printer is installed on this computer.',
    },
    card: {
      printing: 'Printing…',
      printed: 'The card went to the printer.',
      printFailed: (problem: string, detail: string | undefined) =>
        `The card was not printed: ${problem}${detail === undefined ? '' : ` (${detail})`}`,
      printProblem: {
        invalid_input: 'the terminal did not accept the print request. Print again.',
        not_allowed: 'printing is not allowed on this terminal.',
        unavailable: 'no printer is available. Check that it is connected and switched on.',
        failed:
          'the printer could not print it. Check the card stock and the cable, then print again.',
        no_answer:
          'the terminal gave no usable answer. Print again, or restart Treu if it keeps happening.',
      },
      number: 'Card number',
    },
  },
  de: {
    heading: 'Dieses Desktop-Terminal',
    managerOnly: 'Nur die Leitung kann diese Einstellungen ändern.',
    failed: (problem: string, detail: string | undefined) =>
      `Das hat nicht geklappt: ${problem}${detail === undefined ? '' : ` (${detail})`}`,
    problem: {
      invalid_input: 'das Terminal hat die Anfrage nicht angenommen. Bitte noch einmal versuchen.',
      not_allowed: 'das ist an diesem Terminal nicht erlaubt.',
      unavailable:
        'dieses Terminal kann das nicht. Aktualisieren Sie Treu oder prüfen Sie, ob das Gerät angeschlossen ist.',
      failed: 'das Terminal konnte es nicht ausführen. Bitte noch einmal versuchen.',
      no_answer:
        'das Terminal hat keine verwertbare Antwort gegeben. Bitte noch einmal versuchen oder Treu neu starten, wenn es wieder passiert.',
    },
    reader: {
      heading: 'Kartenleser',
      devices: 'Angeschlossene Geräte',
      noDevices: 'Es ist kein USB-Eingabegerät angeschlossen.',
      loadingDevices: 'Geräte werden gesucht…',
      known: 'bekannter Kartenleser',
      ids: (vendorId: string, productId: string) => `USB ${vendorId}:${productId}`,
      use: (name: string) => `${name} verwenden`,
      anyKnown: 'Jeden bekannten Leser verwenden',
      off: 'Kartenleser ausschalten',
      refresh: 'Liste aktualisieren',
      switching: 'Kartenleser wird umgestellt…',
    },
    window: {
      heading: 'Fenster',
      mode: 'Wie Treu den Bildschirm füllt',
      modes: {
        kiosk: 'Kiosk: Vollbild, gesperrt (nichts anderes lässt sich öffnen)',
        fullscreen: 'Vollbild',
        windowed: 'Im Fenster',
      },
    },
    update: {
      heading: 'Updates',
      off: 'Updates sind aus: Dieses Terminal ist mit keinem Server verbunden, der welche anbietet.',
      checking: 'Es wird nach einem Update gesucht…',
      upToDate: 'Treu ist auf dem neuesten Stand.',
      checkNow: 'Jetzt prüfen',
    },
    app: {
      heading: 'App',
      version: 'Version',
      platform: 'System',
      electron: 'Electron',
      quit: 'Treu beenden',
      quitConfirm:
        'Treu beenden? Die Kasse steht still, bis Treu wieder gestartet wird. Nichts Gebuchtes geht verloren.',
      quitYes: 'Beenden',
      cancel: 'Abbrechen',
    },
    printer: {
      heading: 'Drucker für Mitgliedskarten',
      label: 'Drucker',
      systemDefault: 'Standarddrucker des Systems',
      none: 'Auf diesem Computer ist kein Drucker eingerichtet.',
    },
    card: {
      printing: 'Wird gedruckt…',
      printed: 'Die Karte wurde an den Drucker geschickt.',
      printFailed: (problem: string, detail: string | undefined) =>
        `Die Karte wurde nicht gedruckt: ${problem}${detail === undefined ? '' : ` (${detail})`}`,
      printProblem: {
        invalid_input:
          'das Terminal hat den Druckauftrag nicht angenommen. Bitte noch einmal drucken.',
        not_allowed: 'Drucken ist an diesem Terminal nicht erlaubt.',
        unavailable:
          'es ist kein Drucker verfügbar. Prüfen Sie, ob er angeschlossen und eingeschaltet ist.',
        failed:
          'der Drucker konnte sie nicht drucken. Prüfen Sie Kartenvorrat und Kabel und drucken Sie noch einmal.',
        no_answer:
          'das Terminal hat keine verwertbare Antwort gegeben. Bitte noch einmal drucken oder Treu neu starten, wenn es wieder passiert.',
      },
      number: 'Kartennummer',
    },
  },
});
