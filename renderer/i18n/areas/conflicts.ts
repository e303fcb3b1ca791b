/** The words of the Conflicts screen: overdrafts, side by side, and how a manager settles them. */
import { bilingual } from '../bilingual';
import { plural } from '../plural';

export const conflictsMessages = bilingual({
  en: {
    title: 'Conflicts',
    intro:
      'Two terminals, offline at the same time, handed out the same stamps. Both rewards stand; the later one overdrew the balance. Write it off, correct it, or cancel it if the reward was not handed out.',
    none: 'No conflicts. Every redemption was covered by the balance.',
    open: (n: number) => plural(n, 'open conflict', 'open conflicts'),
    settledHeading: 'Settled',
    member: (name: string) => `Member: ${name}`,
    unnamedMember: 'a member without a name',
    shortBy: (n: number, reward: string) => `${reward}: short by ${plural(n, 'stamp', 'stamps')}`,
    first: 'First redemption',
    overdrawing: 'Overdrawing redemption',
    noEarlier: 'No earlier redemption on this terminal’s records',
    at: (when: string, terminal: string, cashier: string) =>
      `${when}, terminal ${terminal}, by ${cashier}`,
    thisTerminal: 'this terminal',
    balanceBefore: (n: number) => `Balance before: ${n}`,
    writeOff: (n: number) => `Write off ${plural(n, 'stamp', 'stamps')}`,
    correct: 'Correct',
    correctBy: 'Stamps to add (negative to take away)',
    saveCorrection: 'Save correction',
    cancelRedemption: 'Reward not handed out: cancel it',
    confirmCancel:
      'Cancel this redemption? Do this only if the reward was not handed out: the stamps go back to the member.',
    keep: 'Keep it',
    cancel: 'Cancel',
    writtenOff: (n: number) => `Written off: ${plural(n, 'stamp', 'stamps')} given back.`,
    corrected: (n: number) => `Corrected by ${n > 0 ? '+' : ''}${n}.`,
    cancelled: 'The redemption was cancelled.',
    settledBy: (n: number, who: string, when: string) =>
      `Settled: ${n > 0 ? '+' : ''}${n} by ${who}, ${when}`,
    badCount: 'Enter a whole number of stamps other than 0 (at most 10,000).',
  },
  de: {
    title: 'Konflikte',
    intro:
      'Zwei Terminals haben gleichzeitig offline dieselben Stempel eingelöst. Beide Prämien bleiben bestehen; die spätere hat das Guthaben überzogen. Abschreiben, korrigieren oder stornieren, falls die Prämie nicht ausgegeben wurde.',
    none: 'Keine Konflikte. Jede Einlösung war vom Guthaben gedeckt.',
    open: (n: number) => plural(n, 'offener Konflikt', 'offene Konflikte'),
    settledHeading: 'Erledigt',
    member: (name: string) => `Mitglied: ${name}`,
    unnamedMember: 'ein Mitglied ohne Namen',
    shortBy: (n: number, reward: string) =>
      `${reward}: ${plural(n, 'Stempel', 'Stempel')} zu wenig`,
    first: 'Erste Einlösung',
    overdrawing: 'Überziehende Einlösung',
    noEarlier: 'Keine frühere Einlösung in den Daten dieses Terminals',
    at: (when: string, terminal: string, cashier: string) =>
      `${when}, Terminal ${terminal}, durch ${cashier}`,
    thisTerminal: 'dieses Terminal',
    balanceBefore: (n: number) => `Guthaben vorher: ${n}`,
    writeOff: (n: number) => `${plural(n, 'Stempel', 'Stempel')} abschreiben`,
    correct: 'Korrigieren',
    correctBy: 'Stempel hinzufügen (negativ zum Abziehen)',
    saveCorrection: 'Korrektur speichern',
    cancelRedemption: 'Prämie nicht ausgegeben: stornieren',
    confirmCancel:
      'Diese Einlösung stornieren? Nur wenn die Prämie nicht ausgegeben wurde: Die Stempel gehen an das Mitglied zurück.',
    keep: 'Behalten',
    cancel: 'Abbrechen',
    writtenOff: (n: number) => `Abgeschrieben: ${plural(n, 'Stempel', 'Stempel')} zurückgegeben.`,
    corrected: (n: number) => `Um ${n > 0 ? '+' : ''}${n} korrigiert.`,
    cancelled: 'Die Einlösung wurde storniert.',
    settledBy: (n: number, who: string, when: string) =>
      `Erledigt: ${n > 0 ? '+' : ''}${n} durch ${who}, ${when}`,
    badCount: 'Eine ganze Zahl von Stempeln außer 0 eingeben (höchstens 10.000).',
  },
});
