/**
 * Rewrites the part of docs/performance.md between `<!-- bench:NAME:start -->` and
 * `<!-- bench:NAME:end -->` (one block per bench), and nothing else: the rest of the
 * page belongs to people.
 */
import { readFile, writeFile } from 'node:fs/promises';
import * as prettier from 'prettier';

/**
 * Replaces the block's content, formatted as prettier would (`npm run lint` checks the
 * docs); false, and no write, when the markers are missing.
 */
export async function rewriteFiguresBlock(
  path: string,
  name: string,
  lines: readonly string[],
): Promise<boolean> {
  const START = `<!-- bench:${name}:start -->`;
  const END = `<!-- bench:${name}:end -->`;
  const text = await readFile(path, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END, start);
  if (start < 0 || end < 0) return false;
  const options = (await prettier.resolveConfig(path)) ?? {};
  const block = await prettier.format(lines.join('\n'), { ...options, parser: 'markdown' });
  const updated = `${text.slice(0, start + START.length)}\n\n${block.trimEnd()}\n${text.slice(end)}`;
  if (updated !== text) await writeFile(path, updated);
  return true;
}
