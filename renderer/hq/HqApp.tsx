/** HQ: the franchise owner's view of every store, in a browser, from the server. */
import { useState } from 'react';
import { browserLanguage, I18nProvider, useI18n, type Language } from '../i18n/i18n';

function HqHome() {
  const { t } = useI18n();
  return (
    <main className="screen">
      <h1>{t.hq.title}</h1>
    </main>
  );
}

export function HqApp() {
  const [language, setLanguage] = useState<Language>(browserLanguage);
  return (
    <I18nProvider language={language} setLanguage={setLanguage}>
      <HqHome />
    </I18nProvider>
  );
}
