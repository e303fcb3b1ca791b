/**
 * Printing the Z report: through the Electron bridge when there is one (its answer
 * checked, a failure said in words in both languages), through window.print() when not.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { de } from '../../../../renderer/i18n/de';
import { en } from '../../../../renderer/i18n/en';
import {
  printZReport,
  readPrintAnswer,
  type PrintProblem,
} from '../../../../renderer/manager/day-end/print-z-report';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A page with (or without) a bridge whose printer answers `answer`. */
function page(print?: () => Promise<unknown>) {
  const dialog = vi.fn();
  vi.stubGlobal('window', { print: dialog, ...(print ? { treu: { printer: { print } } } : {}) });
  return dialog;
}

describe('printing the Z report', () => {
  it('reads the shell’s answer by its shape', () => {
    expect(readPrintAnswer({ ok: true, value: null })).toEqual({ ok: true });
    expect(
      readPrintAnswer({ ok: false, error: { code: 'failed', message: 'Not printed: no paper.' } }),
    ).toEqual({ ok: false, problem: 'failed', detail: 'Not printed: no paper.' });
    // Anything else is no answer, never a success.
    for (const answer of [
      undefined,
      null,
      'ok',
      { ok: 'true' },
      { ok: false },
      { ok: false, error: { code: 'on_fire', message: 'x' } },
      { ok: false, error: { code: 'failed' } },
    ]) {
      expect(readPrintAnswer(answer)).toEqual({
        ok: false,
        problem: 'no_answer',
        detail: undefined,
      });
    }
  });

  it('prints through the bridge when there is one, and through the dialog when not', async () => {
    const print = vi.fn(() => Promise.resolve({ ok: true, value: null }));
    const dialog = page(print);
    expect(await printZReport()).toEqual({ ok: true });
    expect(print).toHaveBeenCalledWith({});
    expect(dialog).not.toHaveBeenCalled();

    const browserDialog = page();
    expect(await printZReport()).toEqual({ ok: true });
    expect(browserDialog).toHaveBeenCalledTimes(1);
  });

  it('says a failure from the shell, or a shell that throws, in words', async () => {
    page(() =>
      Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'No printer.' } }),
    );
    expect(await printZReport()).toEqual({
      ok: false,
      problem: 'unavailable',
      detail: 'No printer.',
    });
    page(() => Promise.reject(new Error('IPC closed')));
    expect(await printZReport()).toEqual({ ok: false, problem: 'no_answer', detail: 'IPC closed' });

    const problems: PrintProblem[] = [
      'invalid_input',
      'not_allowed',
      'unavailable',
      'failed',
      'no_answer',
    ];
    for (const t of [en, de]) {
      for (const problem of problems) {
        const said = t.dayEnd.printFailed(t.dayEnd.printProblem[problem], undefined);
        expect(said).not.toMatch(/_|undefined/u);
      }
    }
    expect(en.dayEnd.printFailed(en.dayEnd.printProblem.unavailable, 'No printer.')).toBe(
      'The Z report was not printed: no printer is available. Check that it is connected and switched on. (No printer.)',
    );
  });
});
