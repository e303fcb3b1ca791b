/**
 * A counter action is one transaction: when any step fails, no event, reference,
 * projection row or clock change of it is left behind.
 */
import { describe, expect, it } from 'vitest';
import { readWrite } from '../../renderer/storage/database';
import { readMeta } from '../../renderer/storage/meta';
import { recordEvents } from '../../renderer/storage/record-events';
import { appendEvents } from '../../renderer/terminal/append-events';
import { stampPurchase } from '../../renderer/terminal/counter-actions';
import { DEFAULT_PROGRAM_ID } from '../../renderer/terminal/first-run';
import { enrolMember } from '../../renderer/terminal/member-actions';
import { sequentialEventIds, terminalBuilder } from '../support/ledger-builder';
import { storedSnapshot } from '../support/stored-projection';
import { setUpTestTerminal, START_MS } from '../support/terminal-setup';

async function everything(t: Awaited<ReturnType<typeof setUpTestTerminal>>) {
  return {
    events: await t.db.events.count(),
    refs: await t.db.eventRefs.count(),
    cursor: await readMeta(t.db, 'cursor'),
    snapshot: await storedSnapshot(t.db),
  };
}

describe('atomic counter actions', () => {
  it('leaves nothing behind when the transaction fails after the events were written', async () => {
    const t = await setUpTestTerminal();
    const enrolled = await enrolMember(t.at(START_MS), DEFAULT_PROGRAM_ID, {
      profile: { name: 'Anna', marketingConsent: false },
    });
    if (!enrolled.ok) throw new Error(enrolled.error.code);
    const before = await everything(t);
    const b = terminalBuilder('term_b', { makeId: sequentialEventIds() });
    const stamp = b.event(
      'stamps.earned',
      { member: enrolled.value.member, program: DEFAULT_PROGRAM_ID, count: 3, reason: 'purchase' },
      START_MS + 60_000,
    );
    await expect(
      readWrite(t.db, async (tx) => {
        await recordEvents(tx, [stamp], { pending: false });
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    expect(await everything(t)).toEqual(before);
  });

  it('writes nothing when signing fails', async () => {
    const t = await setUpTestTerminal();
    const identity = await readMeta(t.db, 'identity');
    if (!identity) throw new Error('not set up');
    // A key that may verify but not sign: signing throws before the transaction.
    await t.db.meta.put({
      key: 'identity',
      value: { ...identity, privateKey: identity.publicKey },
    });
    const before = await everything(t);
    await expect(
      appendEvents(t.db, [{ type: 'feedback.given', data: { rating: 5 } }], { nowMs: START_MS }),
    ).rejects.toThrow();
    expect(await everything(t)).toEqual(before);
  });

  it('writes nothing for a draft that breaks its event schema', async () => {
    const t = await setUpTestTerminal();
    const before = await everything(t);
    await expect(
      appendEvents(t.db, [{ type: 'feedback.given', data: { rating: 9 } }], { nowMs: START_MS }),
    ).rejects.toThrow(/invalid feedback.given event: rating/);
    expect(await everything(t)).toEqual(before);
  });

  it('keeps the whole action when it succeeds: events, references, projection and clock', async () => {
    const t = await setUpTestTerminal();
    const enrolled = await enrolMember(t.at(START_MS), DEFAULT_PROGRAM_ID, {
      profile: { name: 'Anna', marketingConsent: false },
    });
    if (!enrolled.ok) throw new Error(enrolled.error.code);
    const before = await everything(t);
    const stamped = await stampPurchase(
      t.at(START_MS + 60_000),
      enrolled.value.member,
      DEFAULT_PROGRAM_ID,
      {
        items: 2,
      },
    );
    expect(stamped.ok).toBe(true);
    const after = await everything(t);
    expect(after.events).toBe(before.events + 1);
    expect(after.cursor?.seq).toBe((before.cursor?.seq ?? 0) + 1);
  });
});
