// The docs are kept true by checks, not by goodwill: `npm run lint:links` runs
// remark-validate-links over every Markdown file, and no file may cite a design or
// conventions document that is not in the repository (they live in docs/).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const remark = join(root, 'node_modules', '.bin', 'remark');

let folder: string | undefined;
afterEach(() => {
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

/** Runs the link check with the project's configuration over a folder of Markdown files. */
function checkLinks(files: Record<string, string>) {
  folder = mkdtempSync(join(tmpdir(), 'treu-links-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  const flags = ['--quiet', '--frail', '--no-stdout', '--no-color'];
  const rc = ['--rc-path', join(root, '.remarkrc.json')];
  const run = spawnSync(remark, [...flags, ...rc, '.'], { cwd: folder, encoding: 'utf8' });
  return { status: run.status, report: run.stderr };
}

describe('the docs link check (remark-validate-links)', () => {
  it('passes links to files and headings that exist', () => {
    const result = checkLinks({
      'README.md': '# Treu\n\nSee [the ledger](docs/architecture.md#the-ledger).\n',
      'docs/architecture.md':
        '# Architecture\n\n## The ledger\n\nBack to [the README](../README.md).\n',
    });
    expect(result.report).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails on a link to a missing file and to a missing heading, naming both', () => {
    const result = checkLinks({
      'README.md': '# Treu\n\n[gone](docs/gone.md) and [moved](docs/architecture.md#sync).\n',
      'docs/architecture.md': '# Architecture\n\n## The ledger\n',
    });
    expect(result.status).not.toBe(0);
    expect(result.report).toContain('Cannot find file `docs/gone.md`');
    expect(result.report).toContain('Cannot find heading for `#sync`');
  });

  it('is part of npm run lint, which npm run check and CI run', () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts['lint:links']).toMatch(/^remark .*--frail/);
    expect(scripts.lint).toContain('npm run lint:links');
  });
});

describe('citations', () => {
  it('no file in the repository cites a design or conventions document outside it', () => {
    const files = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
      .stdout.split('\0')
      .filter((path) => /\.(ts|tsx|js|cjs|mjs|json|md|yml|yaml|html|css)$/u.test(path));
    expect(files.length).toBeGreaterThan(100);
    const citing = files.filter((path) =>
      /\b(DESIGN|CONVENTIONS)\.md\b/u.test(readFileSync(join(root, path), 'utf8')),
    );
    expect(citing).toEqual([]);
  });
});
