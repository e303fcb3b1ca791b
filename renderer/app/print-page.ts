/**
 * Prints the page as it is now: a member's card, the Z report. In the Electron terminal the
 * bridge prints without a dialog (`printer.print`, optionally on a named printer); in a
 * browser `window.print()` opens the print dialog. The caller's print stylesheet decides
 * what reaches the paper. The bridge is looked for, never assumed (desktop-bridge.ts),
 * and its answer is checked like any other input.
 */
import { z } from 'zod';
import type { PrintRequest } from '../../shared/bridge/contract';
import { bridgeMethod, callBridge, readBridgeAnswer, type BridgeProblem } from './desktop-bridge';

/** Why the page was not printed: the shell's code, or `no_answer` for none it could give. */
export type PrintProblem = BridgeProblem;

export type PrintOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: PrintProblem; readonly detail: string | undefined };

/** What the shell answered, checked: a malformed answer is a failure, never a success. */
export function readPrintAnswer(answer: unknown): PrintOutcome {
  // Only success matters: a shell that sends `value` other than null still printed.
  const read = readBridgeAnswer(answer, z.unknown());
  return read.ok ? { ok: true } : read;
}

/** Prints; says whether the printer took it, and if not, why. */
export async function printPage(request: PrintRequest = {}): Promise<PrintOutcome> {
  if (!bridgeMethod('printer', 'print')) {
    window.print();
    return { ok: true };
  }
  const printed = await callBridge('printer', 'print', z.unknown(), request);
  return printed.ok ? { ok: true } : printed;
}
