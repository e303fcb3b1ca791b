// `npm run bench` writes each bench's figures into its own block of docs/performance.md:
// the block's text is replaced, the rest of the page is left to people, and every bench
// has a block to write into.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { rewriteFiguresBlock } from './figures-block';
import type { Bench } from './report';

const here = fileURLToPath(new URL('.', import.meta.url));

let folder: string | undefined;
afterEach(() => {
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

function pageWith(text: string): string {
  folder = mkdtempSync(join(tmpdir(), 'treu-figures-'));
  const path = join(folder, 'performance.md');
  writeFileSync(path, text);
  return path;
}

const PAGE = [
  '# Performance',
  '',
  'Words of people.',
  '',
  '<!-- bench:sync:start -->',
  '',
  '| old | table |',
  '<!-- bench:sync:end -->',
  '',
  '<!-- bench:ledger:start -->',
  'ledger figures',
  '<!-- bench:ledger:end -->',
  '',
].join('\n');

describe('rewriteFiguresBlock', () => {
  it('replaces only the named block, formatted as prettier formats Markdown', async () => {
    const path = pageWith(PAGE);
    const lines = ['| figure | median |', '| --- | ---: |', '| ingest | 1.52 s |'];
    expect(await rewriteFiguresBlock(path, 'sync', lines)).toBe(true);
    const page = readFileSync(path, 'utf8');
    expect(page).toContain(
      '<!-- bench:sync:start -->\n\n| figure | median |\n| ------ | -----: |\n| ingest | 1.52 s |\n<!-- bench:sync:end -->',
    );
    expect(page).not.toContain('| old | table |');
    expect(page.startsWith('# Performance\n\nWords of people.\n')).toBe(true);
    expect(page).toContain(
      '<!-- bench:ledger:start -->\nledger figures\n<!-- bench:ledger:end -->',
    );
  });

  it('writes nothing and says so when the page has no block for the bench', async () => {
    const path = pageWith(PAGE);
    expect(await rewriteFiguresBlock(path, 'counter', ['| a |'])).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(PAGE);
  });
});

describe('docs/performance.md', () => {
  it('has a block for every bench in test/bench', async () => {
    const page = readFileSync(join(here, '..', '..', 'docs', 'performance.md'), 'utf8');
    const files = readdirSync(here).filter((file) => file.endsWith('.bench.ts'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const { bench } = (await import(pathToFileURL(join(here, file)).href)) as { bench: Bench };
      expect(page, file).toContain(`<!-- bench:${bench.name}:start -->`);
      expect(page, file).toContain(`<!-- bench:${bench.name}:end -->`);
    }
  });
});
