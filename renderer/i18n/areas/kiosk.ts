/** The words of the customer view: what a member reads when they scan their own card. */
import { bilingual } from '../bilingual';
import { plural } from '../plural';

export const kioskMessages = bilingual({
  en: {
    title: 'Customer view',
    open: 'Customer view',
    scanHere: 'Scan your card',
    scanHint: 'Hold your card or phone to the reader or the camera to see your stamps.',
    camera: 'Use the camera',
    stopCamera: 'Stop the camera',
    hello: (name: string) => `Hello, ${name}!`,
    helloAnonymous: 'Hello!',
    stamps: (n: number) => plural(n, 'stamp', 'stamps'),
    toNext: (n: number, reward: string) =>
      n > 0
        ? `${plural(n, 'more stamp', 'more stamps')} to: ${reward}`
        : `${reward}: ready for you!`,
    owes: (n: number) =>
      `Your card is ${plural(n, 'stamp', 'stamps')} below zero; your next visits fill it up.`,
    tier: (name: string) => `Your tier: ${name}`,
    done: 'Done',
    feedback: 'How was your visit?',
    star: (n: number) => plural(n, 'star', 'stars'),
    comment: 'Anything to tell us? (optional)',
    send: 'Send',
    thanks: 'Thank you for your feedback!',
    chooseStars: 'Choose from 1 to 5 stars first.',
    errors: {
      unknown_card: 'We do not know this card yet. Please ask at the counter.',
      card_blocked: 'This card is blocked. Please ask at the counter.',
      member_erased: 'This card belongs to no member any more. Please ask at the counter.',
      unreadable: 'The card could not be read. Please try again.',
    },
    leave: 'Staff: leave',
    leaveTitle: 'Leave the customer view',
    leavePin: (name: string) => `PIN for ${name}`,
    leaveCancel: 'Back',
  },
  de: {
    title: 'Kundenansicht',
    open: 'Kundenansicht',
    scanHere: 'Karte scannen',
    scanHint:
      'Halten Sie Ihre Karte oder Ihr Handy an den Leser oder die Kamera, um Ihre Stempel zu sehen.',
    camera: 'Kamera benutzen',
    stopCamera: 'Kamera ausschalten',
    hello: (name: string) => `Hallo, ${name}!`,
    helloAnonymous: 'Hallo!',
    stamps: (n: number) => plural(n, 'Stempel', 'Stempel'),
    toNext: (n: number, reward: string) =>
      n > 0
        ? `Noch ${plural(n, 'Stempel', 'Stempel')} bis: ${reward}`
        : `${reward}: für Sie bereit!`,
    owes: (n: number) =>
      `Ihre Karte steht ${plural(n, 'Stempel', 'Stempel')} im Minus; Ihre nächsten Besuche gleichen das aus.`,
    tier: (name: string) => `Ihre Stufe: ${name}`,
    done: 'Fertig',
    feedback: 'Wie war Ihr Besuch?',
    star: (n: number) => plural(n, 'Stern', 'Sterne'),
    comment: 'Möchten Sie uns etwas sagen? (freiwillig)',
    send: 'Senden',
    thanks: 'Danke für Ihre Rückmeldung!',
    chooseStars: 'Bitte zuerst 1 bis 5 Sterne wählen.',
    errors: {
      unknown_card: 'Diese Karte kennen wir noch nicht. Bitte fragen Sie an der Kasse.',
      card_blocked: 'Diese Karte ist gesperrt. Bitte fragen Sie an der Kasse.',
      member_erased: 'Diese Karte gehört zu keinem Mitglied mehr. Bitte fragen Sie an der Kasse.',
      unreadable: 'Die Karte ließ sich nicht lesen. Bitte noch einmal versuchen.',
    },
    leave: 'Personal: verlassen',
    leaveTitle: 'Kundenansicht verlassen',
    leavePin: (name: string) => `PIN für ${name}`,
    leaveCancel: 'Zurück',
  },
});
