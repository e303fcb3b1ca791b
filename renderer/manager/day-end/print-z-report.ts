/**
 * Prints the Z report. In the Electron terminal the bridge prints the page as it is,
 * without a dialog (`printer.print`); in a browser `window.print()` opens the print
 * dialog. Either way the print stylesheet (day-end.css) leaves only the Z report on the
 * page. The bridge is looked for, never assumed (desktop-bridge.ts), and its answer is
 * checked like any other input.
 */
import { z } from 'zod';
import type { BridgeError, PrintRequest } from '../../../shared/bridge/contract';
import { bridgeMethod } from '../../app/desktop-bridge';

const printAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(['invalid_input', 'not_allowed', 'unavailable', 'failed']),
      message: z.string(),
    }) satisfies z.ZodType<BridgeError>,
  }),
]);

/** Why the report was not printed: the shell's code, or `no_answer` for none it could give. */
export type PrintProblem = BridgeError['code'] | 'no_answer';

export type PrintOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: PrintProblem; readonly detail: string | undefined };

/** What the shell answered, checked: a malformed answer is a failure, never a success. */
export function readPrintAnswer(answer: unknown): PrintOutcome {
  const parsed = printAnswerSchema.safeParse(answer);
  if (!parsed.success) return { ok: false, problem: 'no_answer', detail: undefined };
  if (parsed.data.ok) return { ok: true };
  const { code, message } = parsed.data.error;
  return { ok: false, problem: code, detail: message === '' ? undefined : message };
}

/** Prints; says whether the printer took it, and if not, why. */
export async function printZReport(): Promise<PrintOutcome> {
  const print = bridgeMethod('printer', 'print') as
    ((request: PrintRequest) => Promise<unknown>) | undefined;
  if (!print) {
    window.print();
    return { ok: true };
  }
  try {
    return readPrintAnswer(await print({}));
  } catch (error) {
    // The bridge promises never to throw; an older or broken shell might.
    return {
      ok: false,
      problem: 'no_answer',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}
