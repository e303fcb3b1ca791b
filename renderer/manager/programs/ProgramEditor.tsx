/**
 * The program editor: every field of the program schema in sections, each problem in
 * words beside its field, a live preview from the counter's rule engine, and Publish,
 * which appends the next version as a signed `program.published` event. A program as it
 * was last published cannot be published again. The editor keeps the version it was
 * opened from (then the one it published) as its base: a newer version that sync brings
 * meanwhile is never overwritten unseen, the publish is refused in words instead.
 */
import { useMemo, useRef, useState } from 'react';
import { useTerminal } from '../../app/terminal-context';
import { useI18n } from '../../i18n/i18n';
import type { ProgramRow } from '../../storage/rows';
import { fieldId } from './FormField';
import { PreviewPanel } from './PreviewPanel';
import { rulesFromForm, zoneOf, type ProgramForm } from './program-form';
import { CampaignsSection } from './CampaignsSection';
import { RewardsSection } from './RewardsSection';
import { TiersSection } from './TiersSection';
import {
  BonusesSection,
  CapsSection,
  EarningSection,
  ExpirySection,
  GeneralSection,
  OfflineSection,
  SafeguardsSection,
} from './ProgramSections';
import { isUnchanged, publishProgram, type PublishError } from './publish-program';
import { describePublishError } from './publish-words';
import { checkProgramDraft, labelOfPath } from './validation-words';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'publishing' }
  | { readonly kind: 'published'; readonly version: number }
  | { readonly kind: 'refused' }
  /** The terminal said no (not a manager, changed meanwhile): words, never a code. */
  | { readonly kind: 'problem'; readonly error: PublishError }
  | { readonly kind: 'failed'; readonly detail: string };

export function ProgramEditor(props: {
  /**
   * The program as it was when the editor was opened (the form was filled from it);
   * undefined for a new program. Not the live newest version: see publish-program.ts.
   */
  readonly base: ProgramRow | undefined;
  readonly initial: ProgramForm;
  /** Opens the program's newest version afresh, after a refusal for a newer version. */
  readonly onReopen: (program: string) => void;
  readonly onBack: () => void;
}) {
  const { t } = useI18n();
  const { db, session } = useTerminal();
  const [form, setForm] = useState(props.initial);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // What the form was last made to match: the version opened, then each one published.
  const [base, setBase] = useState(props.base);
  const summary = useRef<HTMLDivElement>(null);

  const checked = useMemo(
    () => checkProgramDraft({ name: form.name.trim(), rules: rulesFromForm(form) }, t.programs),
    [form, t],
  );
  const errors = useMemo(
    () => new Map(checked.ok ? [] : checked.error.map((e) => [e.path, e.message] as const)),
    [checked],
  );
  const unchanged = checked.ok && isUnchanged(checked.value, base);
  const sayUnchanged = unchanged && status.kind !== 'published';
  const update = (patch: Partial<ProgramForm>) => {
    setForm((before) => ({ ...before, ...patch }));
    if (status.kind === 'published' || status.kind === 'failed') setStatus({ kind: 'idle' });
    if (status.kind === 'problem' && status.error.code !== 'changed_meanwhile') {
      setStatus({ kind: 'idle' });
    }
  };

  const publish = async () => {
    if (!checked.ok) {
      setStatus({ kind: 'refused' });
      // After React has drawn the summary: focus it, so a screen reader reads it out.
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setStatus({ kind: 'publishing' });
    try {
      const result = await publishProgram(db, session, base, checked.value);
      if (result.ok) {
        setBase(result.value.row);
        setStatus({ kind: 'published', version: result.value.version });
      } else if (result.error.code === 'unchanged') {
        setStatus({ kind: 'idle' });
      } else {
        setStatus({ kind: 'problem', error: result.error });
      }
    } catch (error) {
      // A failed signature or commit: say so, the form keeps what was typed.
      setStatus({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  };

  const focusField = (path: string) => {
    const target =
      document.getElementById(fieldId(path)) ?? document.getElementById(`${fieldId(path)}-error`);
    target?.focus();
  };

  const sections = { form, update, errors };
  const e = t.programs.editor;
  return (
    <section className="program-editor" aria-labelledby="program-editor-heading">
      <div className="row">
        <button type="button" className="secondary" onClick={props.onBack}>
          {e.back}
        </button>
      </div>
      <h2 id="program-editor-heading">
        {base ? e.editTitle(base.name, base.version) : e.newTitle}
      </h2>
      <p>{e.intro}</p>
      <div className="program-layout">
        <form
          className="program-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void publish();
          }}
        >
          <GeneralSection {...sections} />
          <EarningSection {...sections} />
          <CapsSection {...sections} />
          <RewardsSection {...sections} />
          <ExpirySection {...sections} />
          <BonusesSection {...sections} />
          <CampaignsSection {...sections} />
          <TiersSection {...sections} />
          <SafeguardsSection {...sections} />
          <OfflineSection {...sections} />

          {status.kind === 'refused' && !checked.ok && (
            <div ref={summary} role="alert" tabIndex={-1} className="program-summary">
              <p className="error">{e.refused(checked.error.length)}</p>
              <ul>
                {checked.error.map((error) => (
                  <li key={error.path}>
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        focusField(error.path);
                      }}
                    >
                      {labelOfPath(error.path, t.programs, form.earnPer)}: {error.message}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="program-publish">
            <button
              type="submit"
              className="primary big"
              disabled={status.kind === 'publishing' || unchanged}
              aria-describedby={sayUnchanged ? 'program-unchanged' : undefined}
            >
              {status.kind === 'publishing' ? e.publishing : e.publish}
            </button>
            <div role="status" className="program-status">
              {status.kind === 'published' && <p className="done">{e.published(status.version)}</p>}
              {status.kind === 'failed' && <p className="error">{e.failed(status.detail)}</p>}
              {sayUnchanged && <p id="program-unchanged">{e.nothingToPublish}</p>}
            </div>
          </div>
          {status.kind === 'problem' && (
            <div role="alert" className="program-summary">
              <p className="error">{describePublishError(t, status.error)}</p>
              {status.error.code === 'changed_meanwhile' && base && (
                <button
                  type="button"
                  onClick={() => {
                    props.onReopen(base.id);
                  }}
                >
                  {e.reopen}
                </button>
              )}
            </div>
          )}
        </form>
        <PreviewPanel
          rules={checked.ok ? checked.value.rules : undefined}
          timeZone={zoneOf(form)}
        />
      </div>
    </section>
  );
}
