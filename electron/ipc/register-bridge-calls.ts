/**
 * Main's side of every bridge call. Before a handler runs: the sender must be the
 * terminal's own top-level page, and the input must match the call's schema; otherwise
 * the answer is an error and nothing is done. A handler that throws answers `failed`
 * with its message: the renderer always gets a BridgeAnswer, never a rejected promise.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { BridgeAnswer } from '../../shared/bridge/contract';
import { CALL_INPUTS, type CallInput, type CallOutputs } from '../../shared/bridge/call-inputs';
import type { CallChannel } from '../../shared/bridge/channels';
import { describeFieldErrors, fieldErrors } from '../../shared/ledger/envelope';
import { isAppUrl } from '../window/app-origin';

export type BridgeHandlers = {
  readonly [C in CallChannel]: (
    input: CallInput<C>,
  ) => BridgeAnswer<CallOutputs[C]> | Promise<BridgeAnswer<CallOutputs[C]>>;
};

/** The part of IpcMain this needs: what the tests fake. */
export type CallRegistry = Pick<IpcMain, 'handle'>;

/** The frame a message came from, as much of it as the check reads. */
type SenderFrame = Pick<NonNullable<IpcMainInvokeEvent['senderFrame']>, 'url' | 'parent'>;

/** Only the terminal's own page, in the top frame, may call main. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);
}

async function answer<C extends CallChannel>(
  channel: C,
  handler: BridgeHandlers[C],
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  input: unknown,
): Promise<BridgeAnswer<CallOutputs[C]>> {
  if (!isTrustedSender(event.senderFrame)) {
    return {
      ok: false,
      error: { code: 'not_allowed', message: `${channel} answers only Treu's own page.` },
    };
  }
  const parsed = CALL_INPUTS[channel].safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `${channel}: ${describeFieldErrors(fieldErrors(parsed.error))}`,
      },
    };
  }
  try {
    return await handler(parsed.data as CallInput<C>);
  } catch (error) {
    // A bug or a device failure in main: the page hears of it instead of hanging.
    return {
      ok: false,
      error: { code: 'failed', message: error instanceof Error ? error.message : String(error) },
    };
  }
}

export function registerBridgeCalls(ipc: CallRegistry, handlers: BridgeHandlers): void {
  for (const channel of Object.keys(CALL_INPUTS) as CallChannel[]) {
    ipc.handle(channel, (event, input: unknown) =>
      answer(channel, handlers[channel], event, input),
    );
  }
}
