/** The words of the Day-end close screen. */
import { bilingual } from '../bilingual';
import { plural } from '../plural';

export const dayEndMessages = bilingual({
  en: {
    title: 'Day-end close',
    intro:
      'Sends this terminal’s events to the server and fetches the others’, then shows the Z report of this terminal since its last close. The day is closed when you confirm.',
    start: 'Sync now and close the day',
    syncing: 'Syncing with the server…',
    progress: (pushed: number, pulled: number) =>
      `${plural(pushed, 'event', 'events')} sent, ${plural(pulled, 'event', 'events')} received`,
    synced: (pushed: number, pulled: number) =>
      `Synced: ${plural(pushed, 'event', 'events')} sent, ${plural(pulled, 'event', 'events')} received.`,
    notEnrolled:
      'This terminal is not connected to a server, so the day is closed on this terminal. The close goes to the server once the terminal is connected.',
    syncFailed: (problem: string) =>
      `The sync did not go through: ${problem} The day can still be closed on this terminal; the close is sent with the next sync.`,
    reading: 'Reading the day’s events…',
    zReport: 'Z report',
    terminal: (store: string, terminal: string) => `${store}, terminal ${terminal}`,
    since: (from: string, to: string) => `From ${from} to ${to}`,
    lastClosed: (when: string) => `Last closed: ${when}`,
    neverClosed: 'This terminal has not been closed before: the report starts at midnight.',
    totalsCaption: 'Totals',
    totals: {
      events: 'Events recorded',
      stamps: 'Stamps given',
      redemptions: 'Rewards redeemed',
      enrolments: 'New members',
      voids: 'Undos and voids',
      feedback: 'Feedback',
    },
    figure: 'Figure',
    count: 'Count',
    perCashier: 'Per cashier',
    cashier: 'Cashier',
    noCashiers: 'No cashier recorded anything.',
    print: 'Print the Z report',
    printFailed: (problem: string, detail: string | undefined) =>
      `The Z report was not printed: ${problem}${detail === undefined ? '' : ` (${detail})`}`,
    printProblem: {
      invalid_input: 'the terminal did not accept the print request. Print again.',
      not_allowed: 'printing is not allowed on this terminal.',
      unavailable: 'no printer is available. Check that it is connected and switched on.',
      failed: 'the printer could not print it. Check the paper and the cable, then print again.',
      no_answer:
        'the terminal gave no usable answer. Print again, or restart the terminal if it keeps happening.',
    },
    confirm: 'Confirm and close the day',
    closing: 'Closing…',
    closed: (when: string) => `Day closed at ${when}. The Z report is recorded.`,
    closedAlready: (when: string) =>
      `This terminal’s day is closed already (at ${when}): nothing has been recorded here since.`,
    closedMeanwhile:
      'The day was closed in another window meanwhile. Nothing was written; read the report again.',
    again: 'Read the report again',
    error: (detail: string) => `The day-end close failed (${detail}). Nothing was written.`,
    notSetUp: 'Set the terminal up first.',
  },
  de: {
    title: 'Tagesabschluss',
    intro:
      'Sendet die Vorgänge dieser Kasse an den Server und holt die der anderen, dann zeigt es den Z-Bericht dieser Kasse seit dem letzten Abschluss. Der Tag ist abgeschlossen, sobald Sie bestätigen.',
    start: 'Jetzt synchronisieren und Tag abschließen',
    syncing: 'Synchronisiert mit dem Server…',
    progress: (pushed: number, pulled: number) =>
      `${plural(pushed, 'Vorgang', 'Vorgänge')} gesendet, ${plural(pulled, 'Vorgang', 'Vorgänge')} empfangen`,
    synced: (pushed: number, pulled: number) =>
      `Synchronisiert: ${plural(pushed, 'Vorgang', 'Vorgänge')} gesendet, ${plural(pulled, 'Vorgang', 'Vorgänge')} empfangen.`,
    notEnrolled:
      'Diese Kasse ist mit keinem Server verbunden, daher wird der Tag auf dieser Kasse abgeschlossen. Der Abschluss geht an den Server, sobald die Kasse verbunden ist.',
    syncFailed: (problem: string) =>
      `Die Synchronisierung ist nicht gelungen: ${problem} Der Tag kann trotzdem auf dieser Kasse abgeschlossen werden; der Abschluss wird mit der nächsten Synchronisierung gesendet.`,
    reading: 'Die Vorgänge des Tages werden gelesen…',
    zReport: 'Z-Bericht',
    terminal: (store: string, terminal: string) => `${store}, Kasse ${terminal}`,
    since: (from: string, to: string) => `Von ${from} bis ${to}`,
    lastClosed: (when: string) => `Zuletzt abgeschlossen: ${when}`,
    neverClosed: 'Diese Kasse wurde noch nie abgeschlossen: Der Bericht beginnt um Mitternacht.',
    totalsCaption: 'Summen',
    totals: {
      events: 'Erfasste Vorgänge',
      stamps: 'Vergebene Stempel',
      redemptions: 'Eingelöste Prämien',
      enrolments: 'Neue Mitglieder',
      voids: 'Rücknahmen',
      feedback: 'Rückmeldungen',
    },
    figure: 'Kennzahl',
    count: 'Anzahl',
    perCashier: 'Pro Kassenkraft',
    cashier: 'Kassenkraft',
    noCashiers: 'Keine Kassenkraft hat etwas erfasst.',
    print: 'Z-Bericht drucken',
    printFailed: (problem: string, detail: string | undefined) =>
      `Der Z-Bericht wurde nicht gedruckt: ${problem}${detail === undefined ? '' : ` (${detail})`}`,
    printProblem: {
      invalid_input: 'Die Kasse hat den Druckauftrag nicht angenommen. Drucken Sie erneut.',
      not_allowed: 'Auf dieser Kasse ist Drucken nicht erlaubt.',
      unavailable:
        'Es ist kein Drucker verfügbar. Prüfen Sie, ob er angeschlossen und eingeschaltet ist.',
      failed:
        'Der Drucker konnte ihn nicht drucken. Prüfen Sie Papier und Kabel und drucken Sie erneut.',
      no_answer:
        'Die Kasse hat keine verwertbare Antwort gegeben. Drucken Sie erneut, oder starten Sie die Kasse neu, wenn es wieder vorkommt.',
    },
    confirm: 'Bestätigen und Tag abschließen',
    closing: 'Wird abgeschlossen…',
    closed: (when: string) => `Tag abgeschlossen um ${when}. Der Z-Bericht ist gespeichert.`,
    closedAlready: (when: string) =>
      `Der Tag dieser Kasse ist bereits abgeschlossen (um ${when}): Seitdem wurde hier nichts erfasst.`,
    closedMeanwhile:
      'Der Tag wurde inzwischen in einem anderen Fenster abgeschlossen. Es wurde nichts gespeichert; lesen Sie den Bericht erneut.',
    again: 'Bericht erneut lesen',
    error: (detail: string) =>
      `Der Tagesabschluss ist fehlgeschlagen (${detail}). Es wurde nichts gespeichert.`,
    notSetUp: 'Richten Sie die Kasse zuerst ein.',
  },
});
