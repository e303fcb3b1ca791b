/**
 * What a manager does about an overdraft, always with new events, never an edit:
 * - write it off: the store gives the member the stamps they were short (an adjustment
 *   that names the overdraft), so the balance is what it would have been;
 * - correct it: an adjustment of the stamps the manager chooses, naming the overdraft
 *   (e.g. a partial write-off, the rest paid back by later stamps);
 * - cancel it: only when the reward was in fact not handed out, a void of the redemption.
 *   A reward that was handed over is never erased (docs/architecture.md, Principle 4).
 */
import { decide } from '../../../shared/rules/decide';
import { newMemberState } from '../../../shared/rules/member-state';
import { overdraftRef } from '../../../shared/rules/overdraft-resolution';
import { err } from '../../../shared/result';
import { appendEvents } from '../../terminal/append-events';
import {
  adjustStamps,
  type ActionResult,
  type CounterContext,
} from '../../terminal/counter-actions';
import { readMember } from '../../terminal/member-reads';
import type { Conflict } from './conflicts';

export function writeOffConflict(ctx: CounterContext, conflict: Conflict): Promise<ActionResult> {
  return correctConflict(ctx, conflict, conflict.shortfall);
}

export function correctConflict(
  ctx: CounterContext,
  conflict: Conflict,
  stamps: number,
): Promise<ActionResult> {
  return adjustStamps(
    ctx,
    conflict.holder,
    conflict.overdraft.program,
    stamps,
    overdraftRef(conflict.overdraft.id),
  );
}

export async function cancelConflictingRedemption(
  ctx: CounterContext,
  conflict: Conflict,
): Promise<ActionResult> {
  const { overdraft } = conflict;
  const program = (await ctx.db.programs.get(overdraft.program))?.rules;
  if (!program) {
    return err({
      code: 'unknown_program',
      message: `There is no program ${overdraft.program} here.`,
    });
  }
  const nowMs = ctx.nowMs ?? Date.now();
  const decision = decide({
    program: { id: overdraft.program, rules: program },
    // A void depends on its target and the role, not on the member's balance.
    member: newMemberState(conflict.holder),
    action: {
      kind: 'undo',
      target: { id: overdraft.id, type: 'reward.redeemed', hlc: overdraft.hlc, voided: false },
    },
    role: ctx.session.role,
    nowMs,
    online: ctx.online,
  });
  if (!decision.ok) return decision;
  const events = await appendEvents(ctx.db, decision.value, { staff: ctx.session.staff, nowMs });
  const after = await readMember(ctx.db, conflict.holder);
  return {
    ok: true,
    value: {
      events,
      balance: after?.balances.find((b) => b.program === overdraft.program)?.balance ?? 0,
    },
  };
}
