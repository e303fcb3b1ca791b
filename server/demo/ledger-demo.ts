/**
 * `npm run demo`: the ledger core at work on an invented café day, in the console: real
 * signatures, the real rule engine and projection, and the same balances on both
 * terminals after they exchange their events.
 */
import { verifyEvent } from '../../shared/ledger/signing';
import { projectionSnapshot } from '../../shared/projection/snapshot';
import { buildDemoLedger, DEMO_MEMBERS } from './demo-ledger';

const dayStart = Date.now() - 8 * 3_600_000;

console.log('Treu: a demo of the ledger core on an invented café day.\n');

const demo = await buildDemoLedger(dayStart);
const keyOf = new Map(demo.terminals.map((t) => [t.identity.terminal, t.keys.publicKey]));
let verified = 0;
for (const event of demo.events) {
  const key = keyOf.get(event.terminal);
  if (key && (await verifyEvent(event, key))) verified += 1;
}
console.log(
  `${demo.events.length} signed events on ${demo.terminals.length} terminals; ${verified} signatures verified.`,
);

const [front, window] = demo.terminals.map((t) => projectionSnapshot(t.projection));
console.log(
  `Both terminals agree after sync: ${JSON.stringify(front) === JSON.stringify(window) ? 'yes' : 'NO'}\n`,
);

const names = new Map<string, string>(DEMO_MEMBERS.map((m) => [m.id, m.name]));
console.log('Member        Stamps  Redeemed  Overdrafts');
for (const balance of front?.balances ?? []) {
  const name = (names.get(balance.member) ?? balance.member).padEnd(12);
  console.log(
    `${name}  ${String(balance.balance).padStart(6)}  ${String(balance.redeemed).padStart(8)}  ${String(balance.overdrafts).padStart(10)}`,
  );
}
console.log('\nWhat the cashiers were told when the rules said no:');
for (const refusal of demo.refusals) console.log(`- [${refusal.code}] ${refusal.message}`);
for (const r of front?.redemptions.filter((x) => x.overdraft) ?? []) {
  console.log(
    `\nOverdraft for the manager: ${names.get(r.member) ?? r.member} got ${r.reward} on ${r.terminal} with ${r.balanceBefore} stamps left.`,
  );
}
