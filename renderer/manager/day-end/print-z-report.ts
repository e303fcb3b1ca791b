/**
 * Prints the Z report. In the Electron terminal the bridge prints the page as it is,
 * without a dialog (`printer.print`); in a browser `window.print()` opens the print
 * dialog. Either way the print stylesheet (day-end.css) leaves only the Z report on the
 * page. The bridge is looked for, never assumed.
 */

type PrintFn = (request: Record<string, never>) => Promise<unknown>;

function bridgePrint(): PrintFn | undefined {
  const bridge: unknown = window.treu;
  if (typeof bridge !== 'object' || bridge === null) return undefined;
  const printer: unknown = (bridge as Record<string, unknown>).printer;
  if (typeof printer !== 'object' || printer === null) return undefined;
  const print: unknown = (printer as Record<string, unknown>).print;
  return typeof print === 'function' ? (print.bind(printer) as PrintFn) : undefined;
}

/** Prints; says whether the printer took it (`false`: the shell said no, with its words). */
export async function printZReport(): Promise<{ ok: true } | { ok: false; detail: string }> {
  const print = bridgePrint();
  if (!print) {
    window.print();
    return { ok: true };
  }
  const answer = (await print({}).catch((error: unknown) => ({
    ok: false,
    error: { message: String(error) },
  }))) as { ok?: unknown; error?: { message?: unknown } } | undefined;
  if (answer?.ok === true) return { ok: true };
  const message = answer?.error?.message;
  return { ok: false, detail: typeof message === 'string' ? message : 'no answer' };
}
