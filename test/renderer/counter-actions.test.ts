/**
 * The counter's actions on the terminal's real storage (Dexie on fake-indexeddb) with the
 * real signing key: what a cashier does at the counter, and every refusal leaving the
 * store as it was.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { cardCodeFor } from '../../shared/card-code';
import { verifyEvent } from '../../shared/ledger/signing';
import {
  redeemReward,
  stampPurchase,
  undoLastAction,
} from '../../renderer/terminal/counter-actions';
import { DEFAULT_PROGRAM_ID } from '../../renderer/terminal/first-run';
import { identify } from '../../renderer/terminal/identify';
import { enrolMember, replaceCard } from '../../renderer/terminal/member-actions';
import { readMember } from '../../renderer/terminal/member-reads';
import { openDatabase, readWrite } from '../../renderer/storage/database';
import { recordEvents } from '../../renderer/storage/record-events';
import { readMeta } from '../../renderer/storage/meta';
import { foldedSnapshot, storedEvents, storedSnapshot } from '../support/stored-projection';
import { setUpTestTerminal, START_MS } from '../support/terminal-setup';

const MINUTE = 60_000;

async function enrolAnna(t: Awaited<ReturnType<typeof setUpTestTerminal>>, at = START_MS) {
  const enrolled = await enrolMember(t.at(at), DEFAULT_PROGRAM_ID, {
    profile: { name: 'Anna Berg', marketingConsent: false },
  });
  if (!enrolled.ok) throw new Error(enrolled.error.code);
  return enrolled.value;
}

const balanceOf = async (t: Awaited<ReturnType<typeof setUpTestTerminal>>, member: string) =>
  (await readMember(t.db, member))?.balances.find((b) => b.program === DEFAULT_PROGRAM_ID)
    ?.balance ?? 0;

describe('counter actions', () => {
  it('signs every event with the terminal key and keeps the projection equal to the fold', async () => {
    const t = await setUpTestTerminal();
    const anna = await enrolAnna(t);
    const stamped = await stampPurchase(
      t.at(START_MS + MINUTE),
      anna.member,
      DEFAULT_PROGRAM_ID,
      {
        items: 2,
      },
      anna.card.id,
    );
    expect(stamped.ok).toBe(true);
    const identity = await readMeta(t.db, 'identity');
    for (const event of await storedEvents(t.db)) {
      expect(identity && (await verifyEvent(event, identity.publicKey))).toBe(true);
    }
    expect(await storedSnapshot(t.db)).toEqual(await foldedSnapshot(t.db));
  });

  it('stamps ten coffees, redeems the free one, and undoes the redemption', async () => {
    const t = await setUpTestTerminal();
    const anna = await enrolAnna(t);
    for (let i = 1; i <= 10; i++) {
      const r = await stampPurchase(
        t.at(START_MS + i * MINUTE),
        anna.member,
        DEFAULT_PROGRAM_ID,
        {},
        anna.card.id,
      );
      expect(r.ok && r.value.balance).toBe(i);
      expect(await balanceOf(t, anna.member)).toBe(i);
    }
    expect(await balanceOf(t, anna.member)).toBe(10);
    const redeemed = await redeemReward(
      t.at(START_MS + 11 * MINUTE),
      anna.member,
      DEFAULT_PROGRAM_ID,
      'rwd_free-coffee',
      anna.card.id,
    );
    expect(redeemed.ok).toBe(true);
    expect(await balanceOf(t, anna.member)).toBe(0);
    const details = await readMember(t.db, anna.member);
    if (!details) throw new Error('no member');
    const undone = await undoLastAction(t.at(START_MS + 11 * MINUTE + 5_000), details);
    expect(undone.ok && undone.value.events.map((e) => e.type)).toEqual(['event.voided']);
    expect(undone.ok && undone.value.balance).toBe(10);
    expect(await balanceOf(t, anna.member)).toBe(10);
    expect(await storedSnapshot(t.db)).toEqual(await foldedSnapshot(t.db));
  });

  it('refuses a second scan within the cooldown and stores nothing for it', async () => {
    const t = await setUpTestTerminal();
    const anna = await enrolAnna(t);
    await stampPurchase(t.at(START_MS + MINUTE), anna.member, DEFAULT_PROGRAM_ID, {}, anna.card.id);
    const before = (await storedEvents(t.db)).length;
    const again = await stampPurchase(
      t.at(START_MS + MINUTE + 3_000),
      anna.member,
      DEFAULT_PROGRAM_ID,
      {},
      anna.card.id,
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'cooldown', waitSeconds: 27 } });
    expect((await storedEvents(t.db)).length).toBe(before);
    expect(await balanceOf(t, anna.member)).toBe(1);
  });

  it('decides again when another window stamped the card after the scan was read', async () => {
    const t = await setUpTestTerminal();
    const anna = await enrolAnna(t);
    const scanned = await identify(t.db, cardCodeFor(anna.card.id));
    if (!scanned.ok) throw new Error(scanned.error.code);
    // A second window of the terminal stamps the same card before this one commits.
    const otherWindow = openDatabase(t.db.dexie.name, { host: { indexedDB, IDBKeyRange } });
    const other = await stampPurchase(
      { ...t.at(START_MS + MINUTE), db: otherWindow },
      anna.member,
      DEFAULT_PROGRAM_ID,
      {},
      anna.card.id,
    );
    expect(other.ok).toBe(true);
    // This window's stamp was about to be decided on the views read at the scan.
    const stale = await stampPurchase(
      t.at(START_MS + MINUTE + 3_000),
      anna.member,
      DEFAULT_PROGRAM_ID,
      {},
      anna.card.id,
      scanned.value.views,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'cooldown' } });
    expect(await balanceOf(t, anna.member)).toBe(1);
    expect(await storedSnapshot(t.db)).toEqual(await foldedSnapshot(t.db));
    otherWindow.dexie.close();
  });

  it('still stamps when a stored event sorts after the stamp (a clock ahead, synced in)', async () => {
    const t = await setUpTestTerminal();
    const anna = await enrolAnna(t);
    // An event from a terminal whose clock runs an hour ahead: the stamp is late to it.
    const [sample] = await storedEvents(t.db);
    if (!sample) throw new Error('no event stored');
    const ahead = {
      ...sample,
      id: '019b8d63-0000-7000-8000-000000000001',
      hlc: `${String(START_MS + 60 * MINUTE).padStart(15, '0')}-00000-term_ahead`,
      terminal: 'term_ahead',
    };
    await readWrite(t.db, (tx) => recordEvents(tx, [ahead], { pending: false }));
    const stamped = await stampPurchase(
      t.at(START_MS + MINUTE),
      anna.member,
      DEFAULT_PROGRAM_ID,
      {},
      anna.card.id,
    );
    expect(stamped.ok && stamped.value.balance).toBe(1);
    expect(await balanceOf(t, anna.member)).toBe(1);
    expect(await storedSnapshot(t.db)).toEqual(await foldedSnapshot(t.db));
  });

  it('says how many stamps are missing for a reward', async () => {
    const t = await setUpTestTerminal();
    const anna = await enrolAnna(t);
    await stampPurchase(
      t.at(START_MS + MINUTE),
      anna.member,
      DEFAULT_PROGRAM_ID,
      { items: 3 },
      anna.card.id,
    );
    const redeemed = await redeemReward(
      t.at(START_MS + 2 * MINUTE),
      anna.member,
      DEFAULT_PROGRAM_ID,
      'rwd_free-coffee',
    );
    expect(redeemed).toMatchObject({ ok: false, error: { code: 'not_enough_stamps', missing: 7 } });
  });

  it('refuses a blocked card after a lost card was replaced, and keeps the balance', async () => {
    const t = await setUpTestTerminal();
    const anna = await enrolAnna(t);
    await stampPurchase(
      t.at(START_MS + MINUTE),
      anna.member,
      DEFAULT_PROGRAM_ID,
      { items: 4 },
      anna.card.id,
    );
    const replaced = await replaceCard(t.at(START_MS + 2 * MINUTE), anna.member, anna.card.id, {
      id: 'crd_nfc-04a2b3c4d5e6f7',
      kind: 'nfc',
    });
    expect(replaced.ok).toBe(true);
    expect(await identify(t.db, cardCodeFor(anna.card.id))).toMatchObject({
      ok: false,
      error: { code: 'card_blocked' },
    });
    const byNewCard = await identify(t.db, '04:A2:B3:C4:D5:E6:F7');
    expect(byNewCard.ok && byNewCard.value.member.id).toBe(anna.member);
    expect(await balanceOf(t, anna.member)).toBe(4);
  });

  it('refuses unknown, misread and foreign codes with a code the screen can word', async () => {
    const t = await setUpTestTerminal();
    const anna = await enrolAnna(t);
    const code = cardCodeFor(anna.card.id);
    const misread = code.slice(0, -3) + (code.at(-3) === 'a' ? 'b' : 'a') + code.slice(-2);
    expect((await identify(t.db, misread)).ok ? 'ok' : 'refused').toBe('refused');
    expect(await identify(t.db, 'https://example.org/')).toMatchObject({ ok: false });
    expect(await identify(t.db, 'OTHER1:crd_x')).toMatchObject({
      ok: false,
      error: { code: 'not_a_treu_code' },
    });
    expect(await identify(t.db, '0011223344')).toMatchObject({
      ok: false,
      error: { code: 'unknown_card' },
    });
    const found = await identify(t.db, code);
    expect(found.ok && found.value.member.name).toBe('Anna Berg');
  });
});
