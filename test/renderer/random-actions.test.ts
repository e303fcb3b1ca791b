/**
 * Ten thousand random counter and member-desk actions (seeded), with events from another
 * terminal arriving late now and then, as a sync would deliver them: afterwards the
 * stored projection equals the shared fold of the stored events, field by field.
 */
import { describe, expect, it } from 'vitest';
import { readWrite } from '../../renderer/storage/database';
import { recordEvents } from '../../renderer/storage/record-events';
import {
  adjustStamps,
  giveFeedback,
  redeemReward,
  stampPurchase,
  undoLastAction,
} from '../../renderer/terminal/counter-actions';
import { DEFAULT_PROGRAM_ID } from '../../renderer/terminal/first-run';
import {
  enrolMember,
  eraseMember,
  mergeMembers,
  replaceCard,
  updateMember,
} from '../../renderer/terminal/member-actions';
import { readMember } from '../../renderer/terminal/member-reads';
import { mulberry32 } from '../bench/prng';
import { sequentialEventIds, terminalBuilder } from '../support/ledger-builder';
import { foldedSnapshot, storedEvents, storedSnapshot } from '../support/stored-projection';
import { setUpTestTerminal, START_MS } from '../support/terminal-setup';

const ACTIONS = 10_000;

describe('stored projection after random actions', () => {
  it(`equals the shared fold after ${ACTIONS.toLocaleString('en')} actions`, async () => {
    const rng = mulberry32(20261124);
    const t = await setUpTestTerminal();
    const other = terminalBuilder('term_other', { makeId: sequentialEventIds() });
    const members: { id: string; card: string }[] = [];
    const counts: Record<string, number> = {};
    let now = START_MS;
    let nfc = 0;
    const pick = () => members[Math.floor(rng.next() * members.length)];
    for (let i = 0; i < ACTIONS; i++) {
      now += rng.int(0, 90_000);
      const ctx = t.at(now, { online: rng.chance(0.7) });
      const roll = rng.next();
      const member = pick();
      let kind: string;
      if (member === undefined || roll < 0.1) {
        kind = 'enrol';
        const referrer = member && rng.chance(0.2) ? member.id : undefined;
        const card = rng.chance(0.3)
          ? { id: `crd_nfc-${(nfc += 1).toString(16).padStart(8, '0')}`, kind: 'nfc' as const }
          : undefined;
        const r = await enrolMember(ctx, DEFAULT_PROGRAM_ID, {
          profile: {
            name: `Member ${i}`,
            marketingConsent: rng.chance(0.5),
            ...(rng.chance(0.3) ? { birthday: '01-10' } : {}),
          },
          card,
          referredBy: referrer,
        });
        if (r.ok) members.push({ id: r.value.member, card: r.value.card.id });
      } else if (roll < 0.55) {
        kind = 'stamp';
        await stampPurchase(
          ctx,
          member.id,
          DEFAULT_PROGRAM_ID,
          { items: rng.int(1, 3) },
          rng.chance(0.8) ? member.card : undefined,
        );
      } else if (roll < 0.65) {
        kind = 'redeem';
        await redeemReward(ctx, member.id, DEFAULT_PROGRAM_ID, 'rwd_free-coffee', member.card);
      } else if (roll < 0.73) {
        kind = 'undo';
        const details = await readMember(t.db, member.id);
        if (details)
          await undoLastAction(
            t.at(now, { role: rng.chance(0.5) ? 'manager' : 'cashier' }),
            details,
          );
      } else if (roll < 0.76) {
        kind = 'replace card';
        const replacement = `crd_nfc-${(nfc += 1).toString(16).padStart(8, '0')}`;
        const r = await replaceCard(ctx, member.id, member.card, { id: replacement, kind: 'nfc' });
        if (r.ok) member.card = replacement;
      } else if (roll < 0.78) {
        kind = 'merge';
        const into = pick();
        if (into) await mergeMembers(ctx, member.id, into.id);
      } else if (roll < 0.79) {
        kind = 'erase';
        await eraseMember(ctx, member.id);
      } else if (roll < 0.84) {
        kind = 'feedback';
        await giveFeedback(ctx, rng.int(1, 5), rng.chance(0.5) ? member.id : undefined);
      } else if (roll < 0.87) {
        kind = 'adjust';
        await adjustStamps(ctx, member.id, DEFAULT_PROGRAM_ID, rng.pick([-2, -1, 1, 3]));
      } else if (roll < 0.9) {
        kind = 'update';
        await updateMember(ctx, member.id, { phone: `+49 30 ${rng.int(100000, 999999)}` });
      } else {
        kind = 'late sync';
        // Another terminal's stamps and redemptions, made while it was offline up to an hour ago.
        const at = now - rng.int(1, 3_600_000);
        const events = [
          other.event(
            'stamps.earned',
            {
              member: member.id,
              program: DEFAULT_PROGRAM_ID,
              count: rng.int(1, 4),
              reason: 'purchase',
            },
            at,
          ),
          ...(rng.chance(0.3)
            ? [
                other.event(
                  'reward.redeemed',
                  {
                    member: member.id,
                    program: DEFAULT_PROGRAM_ID,
                    reward: 'rwd_free-coffee',
                    cost: 10,
                  },
                  at + 1000,
                ),
              ]
            : []),
        ];
        await readWrite(t.db, (tx) => recordEvents(tx, events, { pending: false }));
      }
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    const events = await storedEvents(t.db);
    expect(events.length).toBeGreaterThan(ACTIONS / 2);
    expect(Object.keys(counts).sort()).toEqual([
      'adjust',
      'enrol',
      'erase',
      'feedback',
      'late sync',
      'merge',
      'redeem',
      'replace card',
      'stamp',
      'undo',
      'update',
    ]);
    expect(await storedSnapshot(t.db)).toEqual(await foldedSnapshot(t.db));
  }, 600_000);
});
