/**
 * The desktop terminal's own settings, in `terminal.json` in Electron's user-data folder:
 * the window mode, the card reader, and when updates install. A missing file gives the
 * defaults; a broken one gives the defaults too, with a sentence saying what was wrong
 * for main's log (the terminal must start at the counter, not on an error page).
 */
import { readFile, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  readerChoiceSchema,
  serverAddressSchema,
  windowModeSchema,
} from '../../shared/bridge/contract';
import { describeFieldErrors, fieldErrors } from '../../shared/ledger/envelope';

export const terminalConfigSchema = z.strictObject({
  windowMode: windowModeSchema.default('kiosk'),
  reader: readerChoiceSchema.default({ kind: 'known' }),
  updates: z
    .strictObject({
      /** The sync server whose `/updates/` feeds the updater; set when the terminal enrols. */
      server: serverAddressSchema.optional(),
      when: z.enum(['idle', 'hour']).default('idle'),
      idleMinutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .default(10),
      hour: z.number().int().min(0).max(23).default(3),
      checkEveryHours: z.number().min(0.25).max(168).default(4),
    })
    .default({ when: 'idle', idleMinutes: 10, hour: 3, checkEveryHours: 4 }),
});
export type TerminalConfig = z.infer<typeof terminalConfigSchema>;

export const CONFIG_FILE = 'terminal.json';

export const defaultConfig = (): TerminalConfig => terminalConfigSchema.parse({});

export async function loadTerminalConfig(
  folder: string,
): Promise<{ config: TerminalConfig; problem?: string }> {
  const file = join(folder, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    // No file yet: a terminal on its first start.
    return { config: defaultConfig() };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: the defaults, and the log says why.
    return { config: defaultConfig(), problem: `${file} is not JSON: the defaults are used.` };
  }
  const parsed = terminalConfigSchema.safeParse(json);
  return parsed.success
    ? { config: parsed.data }
    : {
        config: defaultConfig(),
        problem: `${file}: ${describeFieldErrors(fieldErrors(parsed.error))}. The defaults are used.`,
      };
}

// Saves run one after the other: two at once would share the temporary file.
let saving: Promise<unknown> = Promise.resolve();

/**
 * Writes the settings whole, through a temporary file: a crash never leaves half a file.
 * Saves made at once land in the order they were made.
 */
export function saveTerminalConfig(folder: string, config: TerminalConfig): Promise<void> {
  const file = join(folder, CONFIG_FILE);
  const text = `${JSON.stringify(config, null, 2)}\n`;
  const saved = saving.then(async () => {
    await writeFile(`${file}.tmp`, text);
    await rename(`${file}.tmp`, file);
  });
  saving = saved.catch(() => undefined);
  return saved;
}
