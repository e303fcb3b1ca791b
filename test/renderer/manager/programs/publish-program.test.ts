/**
 * Publishing on the terminal's real storage (Dexie on fake-indexeddb, the real signing
 * key): the next version, signed for the manager; a new program with a new id; nothing
 * published when nothing changed or a cashier asks; the counter using the new rules; and
 * a version that arrived while the editor was open never overwritten unseen.
 */
import { describe, expect, it } from 'vitest';
import { de } from '../../../../renderer/i18n/de';
import { en } from '../../../../renderer/i18n/en';
import { publishProgram } from '../../../../renderer/manager/programs/publish-program';
import { describePublishError } from '../../../../renderer/manager/programs/publish-words';
import { readWrite } from '../../../../renderer/storage/database';
import { readMeta } from '../../../../renderer/storage/meta';
import { recordEvents } from '../../../../renderer/storage/record-events';
import type { ProgramRow } from '../../../../renderer/storage/rows';
import { stampPurchase } from '../../../../renderer/terminal/counter-actions';
import { DEFAULT_PROGRAM_ID } from '../../../../renderer/terminal/first-run';
import { enrolMember } from '../../../../renderer/terminal/member-actions';
import { readPrograms } from '../../../../renderer/terminal/member-reads';
import { coffeeCardRules } from '../../../../shared/rules/program-schema';
import { terminalBuilder } from '../../../support/ledger-builder';
import { storedEvents } from '../../../support/stored-projection';
import { setUpTestTerminal, START_MS, type TestTerminal } from '../../../support/terminal-setup';

const LATER = START_MS + 60_000;

async function coffeeCard(t: TestTerminal): Promise<ProgramRow> {
  const coffee = await t.db.programs.get(DEFAULT_PROGRAM_ID);
  if (!coffee) throw new Error('no coffee card');
  return coffee;
}

const publishedBy = async (t: TestTerminal, terminal: string) =>
  (await storedEvents(t.db)).filter(
    (event) => event.type === 'program.published' && event.terminal === terminal,
  );

describe('publishing a program', () => {
  it('appends the next version, signed for the manager, and the counter stamps by it', async () => {
    const t = await setUpTestTerminal();
    const { session } = t.at(LATER);
    const rules = { ...coffeeCardRules, earn: { per: 'visit', stamps: 2 } } as const;
    const published = await publishProgram(
      t.db,
      session,
      await coffeeCard(t),
      { name: 'Coffee card', rules },
      LATER,
    );
    expect(published).toMatchObject({
      ok: true,
      value: { program: DEFAULT_PROGRAM_ID, version: 2 },
    });
    if (!published.ok) return;
    expect(published.value.event).toMatchObject({
      type: 'program.published',
      staff: session.staff,
      data: { program: DEFAULT_PROGRAM_ID, version: 2, name: 'Coffee card', rules },
    });
    expect((await readPrograms(t.db))[0]).toMatchObject({ version: 2, rules });
    // What the editor keeps as its next base is the program as stored.
    expect(await coffeeCard(t)).toEqual(published.value.row);

    const anna = await enrolMember(t.at(LATER + 1000), DEFAULT_PROGRAM_ID, {
      profile: { name: 'Anna', marketingConsent: false },
    });
    if (!anna.ok) throw new Error(anna.error.code);
    const stamped = await stampPurchase(t.at(LATER + 2000), anna.value.member, DEFAULT_PROGRAM_ID, {
      items: 1,
    });
    expect(stamped).toMatchObject({ ok: true, value: { balance: 2 } });
  });

  it('refuses to publish a program unchanged, and lets only a manager publish', async () => {
    const t = await setUpTestTerminal();
    const coffee = await coffeeCard(t);
    const draft = { name: coffee.name, rules: coffee.rules };
    expect(await publishProgram(t.db, t.at(LATER).session, coffee, draft, LATER)).toEqual({
      ok: false,
      error: { code: 'unchanged' },
    });
    const cashier = t.at(LATER, { role: 'cashier' }).session;
    const renamed = { ...draft, name: 'Coffee pass' };
    expect(await publishProgram(t.db, cashier, coffee, renamed, LATER)).toEqual({
      ok: false,
      error: { code: 'manager_required' },
    });
    expect((await readPrograms(t.db))[0]).toMatchObject({ version: 1, name: coffee.name });
  });

  it('gives a new program a new id and version 1', async () => {
    const t = await setUpTestTerminal();
    const draft = {
      name: 'Tea card',
      rules: { ...coffeeCardRules, earn: { per: 'visit', stamps: 1 } },
    } as const;
    const published = await publishProgram(t.db, t.at(LATER).session, undefined, draft, LATER);
    expect(published).toMatchObject({ ok: true, value: { version: 1 } });
    if (!published.ok) return;
    expect(published.value.program).toMatch(/^prg_[0-9a-z]{20}$/u);
    expect(published.value.program).not.toBe(DEFAULT_PROGRAM_ID);
    expect((await readPrograms(t.db)).map((p) => p.name)).toEqual(['Coffee card', 'Tea card']);
  });

  it('refuses to publish over a version that arrived by sync while the editor was open', async () => {
    const t = await setUpTestTerminal();
    const opened = await coffeeCard(t);
    const identity = await readMeta(t.db, 'identity');
    if (!identity) throw new Error('not set up');
    // Meanwhile another terminal publishes version 2, and sync brings it here.
    const other = terminalBuilder('term_other', { tenant: identity.tenant, store: identity.store });
    const theirs = { ...opened.rules, cooldownSeconds: 90 };
    const arrived = other.event(
      'program.published',
      { program: opened.id, version: 2, name: opened.name, rules: theirs },
      START_MS + 30_000,
      'stf_other',
    );
    await readWrite(t.db, (tx) => recordEvents(tx, [arrived], { pending: false }));

    // The manager publishes the form filled from version 1.
    const ours = { name: 'Coffee pass', rules: opened.rules };
    const refused = await publishProgram(t.db, t.at(LATER).session, opened, ours, LATER);
    expect(refused).toEqual({ ok: false, error: { code: 'changed_meanwhile', version: 2 } });
    expect(await coffeeCard(t)).toMatchObject({ version: 2, name: opened.name, rules: theirs });
    expect(await publishedBy(t, identity.terminal)).toHaveLength(1); // the first-run version only
    if (refused.ok) return;
    expect(describePublishError(en, refused.error)).toBe(
      'This program was changed on another terminal (version 2) while you edited; reopen it.',
    );
    expect(describePublishError(de, refused.error)).toBe(
      'Dieses Programm wurde während Ihrer Bearbeitung an einem anderen Terminal geändert (Version 2); öffnen Sie es erneut.',
    );

    // Reopened from version 2, the same change publishes as version 3 and keeps theirs.
    const reopened = await coffeeCard(t);
    const again = await publishProgram(
      t.db,
      t.at(LATER).session,
      reopened,
      { name: 'Coffee pass', rules: reopened.rules },
      LATER,
    );
    expect(again).toMatchObject({ ok: true, value: { version: 3 } });
    expect(await coffeeCard(t)).toMatchObject({ version: 3, name: 'Coffee pass', rules: theirs });
  });

  it('publishes one of two versions made from the same base at once, and refuses the other', async () => {
    const t = await setUpTestTerminal();
    const opened = await coffeeCard(t);
    const { session } = t.at(LATER);
    const outcomes = await Promise.all([
      publishProgram(t.db, session, opened, { name: 'Window one', rules: opened.rules }, LATER),
      publishProgram(t.db, session, opened, { name: 'Window two', rules: opened.rules }, LATER),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.flatMap((o) => (o.ok ? [] : [o.error]))).toEqual([
      { code: 'changed_meanwhile', version: 2 },
    ]);
    expect(await coffeeCard(t)).toMatchObject({ version: 2 });
  });

  it('says every refusal in words, in English and German', () => {
    for (const t of [en, de]) {
      const said = [
        describePublishError(t, { code: 'manager_required' }),
        describePublishError(t, { code: 'unknown_program' }),
        describePublishError(t, { code: 'changed_meanwhile', version: 4 }),
      ];
      for (const words of said) expect(words).not.toMatch(/_|^\s*$/u);
      expect(said[2]).toContain('4');
    }
    expect(describePublishError(de, { code: 'manager_required' })).not.toBe(
      describePublishError(en, { code: 'manager_required' }),
    );
  });
});
