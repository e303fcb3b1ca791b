/** English or German, switchable at any time. */
import { LANGUAGES, messagesOf, useI18n, type Language } from '../i18n/i18n';

export function LanguagePicker() {
  const { t, language, setLanguage } = useI18n();
  return (
    <label className="field inline hq-language">
      {t.hq.language}
      <select
        value={language}
        onChange={(event) => {
          setLanguage(event.target.value as Language);
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {messagesOf(code).languageName}
          </option>
        ))}
      </select>
    </label>
  );
}
