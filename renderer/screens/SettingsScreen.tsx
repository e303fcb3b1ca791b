/** Settings: language, persistent storage and quota, the terminal's identity, the camera. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTerminal } from '../app/terminal-context';
import {
  formatBytes,
  readStorageState,
  requestPersistentStorage,
  type StorageState,
} from '../app/storage-persistence';
import { LANGUAGES, messagesOf, useI18n } from '../i18n/i18n';
import { readMeta, writeMeta } from '../storage/meta';
import { DesktopSettings } from './DesktopSettings';
import { ServerSettings } from './ServerSettings';

export function SettingsScreen() {
  const { t, language, setLanguage } = useI18n();
  const { db } = useTerminal();
  const identity = useLiveQuery(() => readMeta(db, 'identity'), [db]);
  const settings = useLiveQuery(() => readMeta(db, 'settings'), [db]);
  // The box shows the new choice at once, not only when the stored settings come back.
  const [stampOnScanChosen, setStampOnScanChosen] = useState<boolean>();
  useEffect(() => {
    setStampOnScanChosen(undefined); // the stored settings say it now
  }, [settings]);
  const [storage, setStorage] = useState<StorageState>();

  useEffect(() => {
    void readStorageState().then(setStorage);
  }, []);

  return (
    <main className="screen narrow">
      <h1>{t.settings.title}</h1>
      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{t.settings.language}</h2>
        <div className="row" role="radiogroup" aria-labelledby="language-heading">
          {LANGUAGES.map((code) => (
            <label key={code} className="check">
              <input
                type="radio"
                name="language"
                checked={language === code}
                onChange={() => {
                  setLanguage(code);
                }}
              />
              <span>{messagesOf(code).languageName}</span>
            </label>
          ))}
        </div>
      </section>

      <section aria-labelledby="storage-heading">
        <h2 id="storage-heading">{t.settings.storage}</h2>
        <p data-testid="storage-persisted">
          {storage?.persisted ? t.settings.persisted : t.settings.notPersisted}
        </p>
        {!storage?.persisted && (
          <button
            type="button"
            onClick={() =>
              void requestPersistentStorage().then(() => readStorageState().then(setStorage))
            }
          >
            {t.settings.requestPersist}
          </button>
        )}
        <p data-testid="storage-quota">
          {storage?.usageBytes !== undefined && storage.quotaBytes !== undefined
            ? t.settings.quota(
                formatBytes(storage.usageBytes, language),
                formatBytes(storage.quotaBytes, language),
              )
            : t.settings.unknownQuota}
        </p>
      </section>

      <section aria-labelledby="counter-heading">
        <h2 id="counter-heading">{t.settings.counter}</h2>
        <label className="check">
          <input
            type="checkbox"
            checked={stampOnScanChosen ?? settings?.stampOnScan === true}
            disabled={!settings}
            onChange={(event) => {
              if (!settings) return;
              const stampOnScan = event.target.checked;
              setStampOnScanChosen(stampOnScan);
              void writeMeta(db, 'settings', { ...settings, stampOnScan }).catch(() => {
                setStampOnScanChosen(undefined);
              });
            }}
          />
          <span>{t.settings.stampOnScan}</span>
        </label>
      </section>

      <section aria-labelledby="camera-heading">
        <h2 id="camera-heading">{t.settings.camera}</h2>
        <p>{settings?.cameraId ?? t.settings.cameraDefault}</p>
        {settings?.cameraId !== undefined && (
          <button
            type="button"
            onClick={() => void writeMeta(db, 'settings', { ...settings, cameraId: undefined })}
          >
            {t.settings.cameraDefault}
          </button>
        )}
      </section>

      <ServerSettings />

      <DesktopSettings />

      {identity && (
        <section aria-labelledby="terminal-heading">
          <h2 id="terminal-heading">{t.settings.terminal}</h2>
          <dl>
            <dt>{t.settings.store}</dt>
            <dd>{identity.storeName}</dd>
            <dt>{t.settings.terminalId}</dt>
            <dd>
              <code>{identity.terminal}</code>
            </dd>
          </dl>
        </section>
      )}
    </main>
  );
}
