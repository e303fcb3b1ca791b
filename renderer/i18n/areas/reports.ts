/** The words of the Reports screen. */
import { bilingual } from '../bilingual';

type Figure = { readonly label: string; readonly note: string };

export const reportsMessages = bilingual({
  en: {
    title: 'Reports',
    period: 'Period',
    periods: { today: 'Today', week: 'This week', month: 'This month' },
    range: (first: string, last: string) => (first === last ? first : `${first} to ${last}`),
    counting: 'Counting the figures…',
    error: (detail: string) => `The report could not be made (${detail}). Reload and try again.`,
    figuresHeading: 'Key figures',
    figure: 'Figure',
    value: 'Value',
    definition: 'Definition',
    notAvailable: 'n/a',
    percent: (value: number) => `${value.toLocaleString('en', { maximumFractionDigits: 1 })} %`,
    figures: {
      stampsEarned: {
        label: 'Stamps given',
        note: 'Stamps credited in the period, bonuses included; undone stamps and a manager’s adjustments left out.',
      },
      redemptions: {
        label: 'Rewards redeemed',
        note: 'Rewards handed out in the period; undone ones left out.',
      },
      stampsRedeemed: {
        label: 'Stamps redeemed',
        note: 'The stamps those rewards cost.',
      },
      membersEnrolled: {
        label: 'New members',
        note: 'Members who joined in this store in the period (a duplicate account of an older member is not new).',
      },
      activeMembers: {
        label: 'Active members',
        note: 'Members with at least one visit in the period: a purchase stamp or a redemption.',
      },
      retention: {
        label: 'Retention rate',
        note: 'Customers at the end of the period, new members left out, per customer at its start. A customer visited in the last 90 days.',
      },
      repeatVisitRate: {
        label: 'Repeat-visit rate',
        note: 'Active members who came on at least two different days of the period.',
      },
      redemptionRate: {
        label: 'Redemption rate',
        note: 'Stamps redeemed per stamp given in the period; above 100 % when older stamps are spent.',
      },
      overdrafts: {
        label: 'Overdrafts',
        note: 'Redemptions that overdrew a balance: terminals offline at the same time handed out the same stamps. See Conflicts.',
      },
    } satisfies Record<string, Figure>,
    trendHeading: 'Stamps and redemptions per day',
    chartTitle: (range: string) => `Chart of stamps given and rewards redeemed per day, ${range}`,
    chartNote: 'The same figures as a table:',
    day: 'Day',
    stamps: 'Stamps',
    redemptionsColumn: 'Redemptions',
    cashiersHeading: 'Per cashier',
    cashier: 'Cashier',
    cashierColumns: {
      stamps: 'Stamps',
      redemptions: 'Redemptions',
      overdrafts: 'Overdrafts',
      enrolments: 'New members',
      voids: 'Undos and voids',
      corrections: 'of them by a manager',
      adjustments: 'Adjustments',
    },
    unknownStaff: (id: string) => `${id} (staff of another store)`,
    noStaff: 'No one signed in',
    noCashiers: 'Nothing was recorded in this period.',
    exportCsv: 'Export as CSV',
    exported: (file: string) => `Saved as ${file}.`,
    csvHeading: 'Treu report',
  },
  de: {
    title: 'Berichte',
    period: 'Zeitraum',
    periods: { today: 'Heute', week: 'Diese Woche', month: 'Dieser Monat' },
    range: (first: string, last: string) => (first === last ? first : `${first} bis ${last}`),
    counting: 'Die Zahlen werden gezählt…',
    error: (detail: string) =>
      `Der Bericht konnte nicht erstellt werden (${detail}). Bitte neu laden und erneut versuchen.`,
    figuresHeading: 'Kennzahlen',
    figure: 'Kennzahl',
    value: 'Wert',
    definition: 'Bedeutung',
    notAvailable: 'k. A.',
    percent: (value: number) => `${value.toLocaleString('de', { maximumFractionDigits: 1 })} %`,
    figures: {
      stampsEarned: {
        label: 'Vergebene Stempel',
        note: 'Im Zeitraum gutgeschriebene Stempel samt Boni; rückgängig gemachte Stempel und Korrekturen der Leitung nicht mitgezählt.',
      },
      redemptions: {
        label: 'Eingelöste Prämien',
        note: 'Im Zeitraum ausgegebene Prämien; rückgängig gemachte nicht mitgezählt.',
      },
      stampsRedeemed: {
        label: 'Eingelöste Stempel',
        note: 'Die Stempel, die diese Prämien gekostet haben.',
      },
      membersEnrolled: {
        label: 'Neue Mitglieder',
        note: 'Mitglieder, die im Zeitraum in dieser Filiale beigetreten sind (ein doppeltes Konto eines älteren Mitglieds zählt nicht als neu).',
      },
      activeMembers: {
        label: 'Aktive Mitglieder',
        note: 'Mitglieder mit mindestens einem Besuch im Zeitraum: einem Kaufstempel oder einer Einlösung.',
      },
      retention: {
        label: 'Bindungsrate',
        note: 'Kundinnen und Kunden am Ende des Zeitraums ohne neue Mitglieder, je Kundin oder Kunde am Anfang. Als Kundschaft zählt, wer in den letzten 90 Tagen da war.',
      },
      repeatVisitRate: {
        label: 'Wiederkehrrate',
        note: 'Aktive Mitglieder, die an mindestens zwei verschiedenen Tagen des Zeitraums da waren.',
      },
      redemptionRate: {
        label: 'Einlösequote',
        note: 'Eingelöste je vergebene Stempel im Zeitraum; über 100 %, wenn ältere Stempel eingelöst werden.',
      },
      overdrafts: {
        label: 'Überziehungen',
        note: 'Einlösungen, die ein Guthaben überzogen haben: gleichzeitig offline arbeitende Kassen haben dieselben Stempel ausgegeben. Siehe Konflikte.',
      },
    },
    trendHeading: 'Stempel und Einlösungen pro Tag',
    chartTitle: (range: string) =>
      `Diagramm der vergebenen Stempel und eingelösten Prämien pro Tag, ${range}`,
    chartNote: 'Dieselben Zahlen als Tabelle:',
    day: 'Tag',
    stamps: 'Stempel',
    redemptionsColumn: 'Einlösungen',
    cashiersHeading: 'Pro Kassenkraft',
    cashier: 'Kassenkraft',
    cashierColumns: {
      stamps: 'Stempel',
      redemptions: 'Einlösungen',
      overdrafts: 'Überziehungen',
      enrolments: 'Neue Mitglieder',
      voids: 'Rücknahmen',
      corrections: 'davon durch die Leitung',
      adjustments: 'Korrekturen',
    },
    unknownStaff: (id: string) => `${id} (Personal eines anderen Geschäfts)`,
    noStaff: 'Niemand angemeldet',
    noCashiers: 'In diesem Zeitraum wurde nichts erfasst.',
    exportCsv: 'Als CSV exportieren',
    exported: (file: string) => `Gespeichert als ${file}.`,
    csvHeading: 'Treu-Bericht',
  },
});
