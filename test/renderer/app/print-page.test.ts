/** Printing the page: through the bridge on the printer asked for, or the browser's dialog. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { printPage } from '../../../renderer/app/print-page';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('printing the page', () => {
  it('sends the chosen printer over the bridge, and the default without one', async () => {
    const print = vi.fn(() => Promise.resolve({ ok: true, value: null }));
    const dialog = vi.fn();
    vi.stubGlobal('window', { print: dialog, treu: { printer: { print } } });
    expect(await printPage({ printer: 'Card printer' })).toEqual({ ok: true });
    expect(await printPage()).toEqual({ ok: true });
    expect(print.mock.calls).toEqual([[{ printer: 'Card printer' }], [{}]]);
    expect(dialog).not.toHaveBeenCalled();
  });

  it('opens the dialog in a browser, where no printer can be named', async () => {
    const dialog = vi.fn();
    vi.stubGlobal('window', { print: dialog });
    expect(await printPage({ printer: 'Card printer' })).toEqual({ ok: true });
    expect(dialog).toHaveBeenCalledTimes(1);
  });

  it('says the shell’s refusal', async () => {
    vi.stubGlobal('window', {
      print: vi.fn(),
      treu: {
        printer: {
          print: () =>
            Promise.resolve({ ok: false, error: { code: 'failed', message: 'Not printed: jam.' } }),
        },
      },
    });
    expect(await printPage()).toEqual({
      ok: false,
      problem: 'failed',
      detail: 'Not printed: jam.',
    });
  });
});
