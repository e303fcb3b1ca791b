/** Figures and times in the page's language. */
import type { Language } from '../i18n/i18n';

const locale = (language: Language) => (language === 'de' ? 'de-DE' : 'en-GB');

export const formatCount = (language: Language, n: number): string =>
  new Intl.NumberFormat(locale(language)).format(n);

export const formatPercent = (language: Language, n: number | null, none: string): string =>
  n === null
    ? none
    : `${new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(n)} %`;

export const formatTime = (language: Language, ms: number): string =>
  new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(ms),
  );

export const formatDate = (language: Language, date: string): string =>
  new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
