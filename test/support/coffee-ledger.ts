/**
 * Events of one coffee program on two terminals, for projection tests: short helpers
 * over ledger-builder with the program, reward and reason that most tests need.
 */
import type { EventData } from '../../shared/ledger/event-types';
import type { ProgramRules } from '../../shared/rules/program-schema';
import { sequentialEventIds, terminalBuilder, type TerminalBuilder } from './ledger-builder';

export function coffeeLedger() {
  const makeId = sequentialEventIds();
  const a = terminalBuilder('term_a', { makeId });
  const b = terminalBuilder('term_b', { makeId });
  const stamp = (
    t: TerminalBuilder,
    member: string,
    count: number,
    at: number,
    extra: Partial<EventData<'stamps.earned'>> = {},
  ) =>
    t.event(
      'stamps.earned',
      { member, program: 'prg_coffee', count, reason: 'purchase', ...extra },
      at,
    );
  const redeem = (t: TerminalBuilder, member: string, at: number, cost = 10) =>
    t.event('reward.redeemed', { member, program: 'prg_coffee', reward: 'rwd_free', cost }, at);
  const publish = (t: TerminalBuilder, rules: ProgramRules, at: number, version = 1) =>
    t.event(
      'program.published',
      { program: 'prg_coffee', version, name: 'Coffee card', rules },
      at,
    );
  const enrol = (
    t: TerminalBuilder,
    member: string,
    at: number,
    extra: Partial<EventData<'member.enrolled'>> = {},
  ) => t.event('member.enrolled', { member, consent: { marketing: false }, ...extra }, at);
  const link = (t: TerminalBuilder, member: string, card: string, at: number) =>
    t.event('card.linked', { member, card, kind: 'qr' }, at);
  return { a, b, stamp, redeem, publish, enrol, link };
}
