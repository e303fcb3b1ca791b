/**
 * Calling the Electron bridge: a missing bridge or method, a malformed answer, a throw and
 * an error from the shell are each told apart, and a value is only taken when the
 * contract's schema accepts it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { readerStatusSchema, windowModeSchema } from '../../../shared/bridge/contract';
import { callBridge, hasBridge, readBridgeAnswer } from '../../../renderer/app/desktop-bridge';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('reading a bridge answer', () => {
  it('takes a value the schema accepts, and an error from the shell with its sentence', () => {
    expect(readBridgeAnswer({ ok: true, value: 'kiosk' }, windowModeSchema)).toEqual({
      ok: true,
      value: 'kiosk',
    });
    expect(
      readBridgeAnswer(
        { ok: false, error: { code: 'not_allowed', message: 'Not in kiosk mode.' } },
        windowModeSchema,
      ),
    ).toEqual({ ok: false, problem: 'not_allowed', detail: 'Not in kiosk mode.' });
    expect(
      readBridgeAnswer({ ok: false, error: { code: 'failed', message: '' } }, windowModeSchema),
    ).toEqual({ ok: false, problem: 'failed', detail: undefined });
  });

  it('calls anything malformed no answer, never a success', () => {
    for (const answer of [
      undefined,
      null,
      'kiosk',
      { ok: true },
      { ok: true, value: 'tiny' },
      { ok: 'true', value: 'kiosk' },
      { ok: false },
      { ok: false, error: { code: 'on_fire', message: 'x' } },
    ]) {
      expect(readBridgeAnswer(answer, windowModeSchema)).toEqual({
        ok: false,
        problem: 'no_answer',
        detail: undefined,
      });
    }
    expect(readBridgeAnswer({ ok: true, value: { state: 'on fire' } }, readerStatusSchema)).toEqual(
      { ok: false, problem: 'no_answer', detail: undefined },
    );
  });
});

describe('calling the bridge', () => {
  it('finds no bridge in a browser, and an unavailable method in an older shell', async () => {
    vi.stubGlobal('window', {});
    expect(hasBridge()).toBe(false);
    expect(await callBridge('kiosk', 'mode', windowModeSchema)).toEqual({
      ok: false,
      problem: 'unavailable',
      detail: undefined,
    });
    vi.stubGlobal('window', { treu: { reader: {} } });
    expect(hasBridge()).toBe(true);
    expect(await callBridge('kiosk', 'mode', windowModeSchema)).toMatchObject({
      problem: 'unavailable',
    });
  });

  it('passes the arguments on, on its part, and checks the answer', async () => {
    const setMode = vi.fn(function (this: unknown, mode: string) {
      // Bound to its part, as the preload's methods may expect.
      expect(this).toBe(kiosk);
      return Promise.resolve({ ok: true, value: mode });
    });
    const kiosk = { setMode };
    vi.stubGlobal('window', { treu: { kiosk } });
    expect(await callBridge('kiosk', 'setMode', windowModeSchema, 'windowed')).toEqual({
      ok: true,
      value: 'windowed',
    });
    expect(setMode).toHaveBeenCalledWith('windowed');
  });

  it('says a throw, which the contract rules out, as no answer with its message', async () => {
    vi.stubGlobal('window', {
      treu: { app: { quit: () => Promise.reject(new Error('IPC closed')) } },
    });
    expect(await callBridge('app', 'quit', z.null())).toEqual({
      ok: false,
      problem: 'no_answer',
      detail: 'IPC closed',
    });
  });
});
