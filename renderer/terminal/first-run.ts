/**
 * First run: the store, the terminal's identity and signing key, the manager and the
 * default program (the coffee card: ten stamps, the eleventh coffee free), all in one
 * transaction, so a terminal is either set up completely or not at all.
 */
import { formatHlc, initialClock } from '../../shared/clock';
import { newEventId, newId } from '../../shared/ids';
import { exportPublicKey, generateSigningKeyPair } from '../../shared/ledger/signing';
import { freeText } from '../../shared/ledger/free-text';
import { err, ok, type Result } from '../../shared/result';
import { coffeeCardRules, type ProgramRules } from '../../shared/rules/program-schema';
import { readWrite, type TreuDatabase } from '../storage/database';
import { readMeta, writeMeta } from '../storage/meta';
import { recordEvents } from '../storage/record-events';
import type { StaffRow, TerminalIdentity, TerminalSettings } from '../storage/rows';
import { signDrafts } from './append-events';
import { DEFAULT_PROGRAM_ID } from './default-program';
import { checkPinFormat, hashPin } from './pin';
import type { Session } from './sign-in';

export { DEFAULT_PROGRAM_ID } from './default-program';

export interface FirstRunInput {
  readonly storeName: string;
  readonly managerName: string;
  readonly managerPin: string;
  readonly language: TerminalSettings['language'];
}

export type FirstRunError =
  | { readonly code: 'store_name' }
  | { readonly code: 'manager_name' }
  | { readonly code: 'pin_format' }
  | { readonly code: 'already_set_up' };

const NAMES = {
  en: { program: 'Coffee card', reward: 'Free coffee' },
  de: { program: 'Kaffeekarte', reward: 'Gratis-Kaffee' },
} as const;

function defaultRules(language: TerminalSettings['language']): ProgramRules {
  return {
    ...coffeeCardRules,
    rewards: coffeeCardRules.rewards.map((reward) => ({ ...reward, name: NAMES[language].reward })),
  };
}

export async function isSetUp(db: TreuDatabase): Promise<boolean> {
  return (await readMeta(db, 'identity')) !== undefined;
}

export async function setUpTerminal(
  db: TreuDatabase,
  input: FirstRunInput,
  nowMs = Date.now(),
): Promise<Result<Session, FirstRunError>> {
  const storeName = input.storeName.trim();
  const managerName = input.managerName.trim();
  if (!freeText(80).safeParse(storeName).success) return err({ code: 'store_name' });
  if (!freeText(60).safeParse(managerName).success) return err({ code: 'manager_name' });
  if (!checkPinFormat(input.managerPin).ok) return err({ code: 'pin_format' });
  if (await isSetUp(db)) return err({ code: 'already_set_up' });

  const keys = await generateSigningKeyPair();
  const identity: TerminalIdentity = {
    tenant: newId('tenant'),
    store: newId('store'),
    storeName,
    terminal: newId('terminal'),
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
    publicKeyText: await exportPublicKey(keys.publicKey),
    createdMs: nowMs,
  };
  const manager: StaffRow = {
    id: newId('staff'),
    name: managerName,
    role: 'manager',
    pin: await hashPin(input.managerPin),
    createdMs: nowMs,
    // The first version of the store's first manager; pending, so that enrolment hands
    // it to the server (renderer/sync/sync-staff.ts).
    changedAt: formatHlc({ wallMs: nowMs, counter: 0, node: identity.terminal }),
    pending: 1,
  };
  const { events, state } = await signDrafts(
    identity,
    { clock: initialClock(identity.terminal), seq: 0 },
    [
      {
        type: 'program.published',
        data: {
          program: DEFAULT_PROGRAM_ID,
          version: 1,
          name: NAMES[input.language].program,
          rules: defaultRules(input.language),
        },
      },
    ],
    nowMs,
    manager.id,
  );
  const done = await readWrite(db, async (tx) => {
    if (await isSetUp(tx)) return false; // another tab finished first
    await writeMeta(tx, 'identity', identity);
    await writeMeta(tx, 'settings', { language: input.language, cameraId: undefined });
    await tx.staff.put(manager);
    // The store's first manager, in the staff audit like everyone added later: what makes
    // them a manager the store may fall back on (stand-in-manager.ts).
    await tx.staffLog.add({
      id: newEventId(nowMs),
      atMs: nowMs,
      by: manager.id,
      staff: manager.id,
      change: 'added',
      role: 'manager',
      pending: 1,
    });
    await recordEvents(tx, events, { pending: true });
    await writeMeta(tx, 'cursor', state);
    return true;
  });
  if (!done) return err({ code: 'already_set_up' });
  return ok({ staff: manager.id, name: manager.name, role: manager.role });
}
