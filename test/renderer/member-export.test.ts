/**
 * The export of everything the terminal holds about one member (GDPR Art. 15), on the
 * terminal's real storage (Dexie on fake-indexeddb, which checks the count IndexedDB is
 * asked for as the browser does): every event of the account, not the newest few.
 */
import { describe, expect, it } from 'vitest';
import { stampPurchase } from '../../renderer/terminal/counter-actions';
import { DEFAULT_PROGRAM_ID } from '../../renderer/terminal/first-run';
import { enrolMember, exportMember, mergeMembers } from '../../renderer/terminal/member-actions';
import { setUpTestTerminal, START_MS, type TestTerminal } from '../support/terminal-setup';

const MINUTE = 60_000;

async function enrol(t: TestTerminal, name: string, at: number) {
  const enrolled = await enrolMember(t.at(at), DEFAULT_PROGRAM_ID, {
    profile: { name, marketingConsent: false },
  });
  if (!enrolled.ok) throw new Error(enrolled.error.code);
  return enrolled.value;
}

describe('exportMember', () => {
  it('exports every event of the account, those of a merged duplicate too, oldest first', async () => {
    const t = await setUpTestTerminal();
    const anna = await enrol(t, 'Anna Berg', START_MS);
    const duplicate = await enrol(t, 'Anna B.', START_MS + MINUTE);
    // More visits than any screen shows: the history lists the newest 12, the counter 50.
    const visits = 60;
    for (let i = 1; i <= visits; i++) {
      const stamped = await stampPurchase(
        t.at(START_MS + (i + 1) * 40 * MINUTE),
        anna.member,
        DEFAULT_PROGRAM_ID,
        {},
        anna.card.id,
      );
      expect(stamped.ok).toBe(true);
    }
    const merged = await mergeMembers(
      t.at(START_MS + 100 * 40 * MINUTE),
      duplicate.member,
      anna.member,
    );
    expect(merged.ok).toBe(true);

    const exported = await exportMember(t.at(START_MS + 101 * 40 * MINUTE), anna.member);

    if (!exported.ok) throw new Error(`export refused: ${exported.error.code}`);
    const { events, member, balances } = exported.value;
    expect(member.id).toBe(anna.member);
    expect(
      events.filter((e) => e.type === 'stamps.earned' && e.data.reason === 'purchase'),
    ).toHaveLength(visits);
    const enrolments = events.filter((e) => e.type === 'member.enrolled').map((e) => e.data.member);
    expect(enrolments).toEqual([anna.member, duplicate.member]);
    expect(events.at(-1)?.type).toBe('member.merged');
    const clocks = events.map((e) => e.hlc);
    expect(clocks).toEqual([...clocks].sort());
    expect(balances.find((b) => b.program === DEFAULT_PROGRAM_ID)?.balance).toBeGreaterThan(0);
  });

  it('is refused to a cashier, and names an unknown member', async () => {
    const t = await setUpTestTerminal();
    const anna = await enrol(t, 'Anna Berg', START_MS);
    const asCashier = await exportMember(t.at(START_MS + MINUTE, { role: 'cashier' }), anna.member);
    expect(asCashier.ok ? 'exported' : asCashier.error.code).toBe('manager_required');
    const unknown = await exportMember(t.at(START_MS + MINUTE), 'mem_00000000000000000000');
    expect(unknown.ok ? 'exported' : unknown.error.code).toBe('unknown_member');
  });
});
