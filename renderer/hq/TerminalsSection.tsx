/** The tenant's terminals with store and last sync; a lost one is revoked after a confirm. */
import { useState } from 'react';
import { revokeResponseSchema, type HqTerminal } from '../../shared/sync/hq-protocol';
import { useI18n } from '../i18n/i18n';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { hqJson, type HqFailure } from './hq-api';
import { formatTime } from './format';

export function TerminalsSection(props: {
  terminals: readonly HqTerminal[];
  onRevoked: () => void;
  onFailure: (failure: HqFailure) => void;
}) {
  const { t, language } = useI18n();
  const [asking, setAsking] = useState<HqTerminal | undefined>(undefined);
  const [working, setWorking] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);

  const revoke = async (terminal: HqTerminal) => {
    setAsking(undefined);
    setWorking(terminal.id);
    setDone(undefined);
    const answer = await hqJson(
      revokeResponseSchema,
      `/v1/hq/terminals/${encodeURIComponent(terminal.id)}/revoke`,
      { method: 'POST' },
    );
    setWorking(undefined);
    if (!answer.ok) {
      props.onFailure(answer.error);
      return;
    }
    setDone(t.hq.terminals.done(answer.value.terminal.name));
    props.onRevoked();
  };

  return (
    <section aria-labelledby="hq-terminals-title">
      <h2 id="hq-terminals-title">{t.hq.terminals.title}</h2>
      <p role="status">{working ? t.hq.terminals.revoking : (done ?? '')}</p>
      {props.terminals.length === 0 ? (
        <p>{t.hq.terminals.empty}</p>
      ) : (
        <div className="hq-table-wrap">
          <table className="hq-table">
            <thead>
              <tr>
                <th scope="col">{t.hq.terminals.name}</th>
                <th scope="col">{t.hq.terminals.store}</th>
                <th scope="col">{t.hq.terminals.lastSync}</th>
                <th scope="col">{t.hq.terminals.state}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.hq.terminals.revokeShort}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.terminals.map((terminal) => (
                <tr key={terminal.id}>
                  <th scope="row">{terminal.name}</th>
                  <td>{terminal.storeName}</td>
                  <td>
                    {terminal.lastSyncMs === null
                      ? t.hq.terminals.never
                      : formatTime(language, terminal.lastSyncMs)}
                  </td>
                  <td>
                    {terminal.revokedMs === null
                      ? t.hq.terminals.active
                      : t.hq.terminals.revoked(formatTime(language, terminal.revokedMs))}
                  </td>
                  <td>
                    {terminal.revokedMs === null && (
                      <button
                        type="button"
                        className="danger"
                        aria-label={t.hq.terminals.revoke(terminal.name)}
                        disabled={working !== undefined}
                        onClick={() => {
                          setAsking(terminal);
                        }}
                      >
                        {t.hq.terminals.revokeShort}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {asking && (
        <ConfirmDialog
          text={t.hq.terminals.confirm(asking.name)}
          confirm={t.hq.terminals.confirmYes}
          cancel={t.hq.terminals.cancel}
          onConfirm={() => void revoke(asking)}
          onCancel={() => {
            setAsking(undefined);
          }}
        />
      )}
    </section>
  );
}
