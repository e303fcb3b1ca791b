/** The terminal's language: German or English, switchable at any time. */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { de } from './de';
import { en, type Messages } from './en';

export type Language = 'de' | 'en';
export const LANGUAGES: readonly Language[] = ['de', 'en'];

export const messagesOf = (language: Language): Messages => (language === 'de' ? de : en);

/** The browser's language when it is German, else English. */
export function browserLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.some((tag) => tag.toLowerCase().startsWith('de')) ? 'de' : 'en';
}

interface I18n {
  readonly language: Language;
  readonly t: Messages;
  readonly setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18n>({
  language: 'en',
  t: en,
  setLanguage: () => undefined,
});

export function I18nProvider(props: {
  language: Language;
  setLanguage: (language: Language) => void;
  children: ReactNode;
}) {
  const { language, setLanguage, children } = props;
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <I18nContext.Provider value={{ language, t: messagesOf(language), setLanguage }}>
      {children}
    </I18nContext.Provider>
  );
}

export const useI18n = (): I18n => useContext(I18nContext);
