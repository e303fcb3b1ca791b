/**
 * Publishing on the terminal's real storage (Dexie on fake-indexeddb, the real signing
 * key): the next version, signed for the manager; a new program with a new id; nothing
 * published when nothing changed or a cashier asks; and the counter using the new rules.
 */
import { describe, expect, it } from 'vitest';
import { publishProgram } from '../../../../renderer/manager/programs/publish-program';
import { stampPurchase } from '../../../../renderer/terminal/counter-actions';
import { DEFAULT_PROGRAM_ID } from '../../../../renderer/terminal/first-run';
import { enrolMember } from '../../../../renderer/terminal/member-actions';
import { readPrograms } from '../../../../renderer/terminal/member-reads';
import { coffeeCardRules } from '../../../../shared/rules/program-schema';
import { setUpTestTerminal, START_MS } from '../../../support/terminal-setup';

const LATER = START_MS + 60_000;

describe('publishing a program', () => {
  it('appends the next version, signed for the manager, and the counter stamps by it', async () => {
    const t = await setUpTestTerminal();
    const { session } = t.at(LATER);
    const rules = { ...coffeeCardRules, earn: { per: 'visit', stamps: 2 } } as const;
    const published = await publishProgram(
      t.db,
      session,
      DEFAULT_PROGRAM_ID,
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
    const [coffee] = await readPrograms(t.db);
    if (!coffee) throw new Error('no coffee card');
    const draft = { name: coffee.name, rules: coffee.rules };
    expect(await publishProgram(t.db, t.at(LATER).session, coffee.id, draft, LATER)).toEqual({
      ok: false,
      error: { code: 'unchanged' },
    });
    const cashier = t.at(LATER, { role: 'cashier' }).session;
    const renamed = { ...draft, name: 'Coffee pass' };
    expect(await publishProgram(t.db, cashier, coffee.id, renamed, LATER)).toEqual({
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
});
