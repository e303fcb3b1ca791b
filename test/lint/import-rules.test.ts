// The import rules of docs/architecture.md (Layout) are only worth something if lint
// reports a breach. These tests lint small snippets as if they were files in each source
// folder, with the real eslint.config.js, and check what is and is not reported.
//
// Type-aware rules are switched off for the snippets: they need the file on disk and in
// a TypeScript project, and the import rules do not depend on types.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, test } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

type SourceFolder = 'shared' | 'renderer' | 'electron' | 'server';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: repoRoot,
    overrideConfig: [
      tseslint.configs.disableTypeChecked,
      { languageOptions: { parserOptions: { projectService: false, project: null } } },
    ],
  });
});

async function lintAs(folder: SourceFolder, code: string): Promise<ESLint.LintResult> {
  const filePath = path.join(repoRoot, folder, '__fixture__.ts');
  const [result] = await eslint.lintText(code, { filePath });
  if (result === undefined) throw new Error(`ESLint returned no result for ${filePath}`);
  // A snippet that does not parse would report nothing and so pass the "allowed" cases.
  expect(result.messages.filter((message) => message.fatal === true)).toEqual([]);
  return result;
}

function errorsOf(result: ESLint.LintResult, ruleId: string): string[] {
  return result.messages
    .filter((message) => message.ruleId === ruleId && message.severity === 2)
    .map((message) => message.message);
}

const importOf = (specifier: string): string =>
  `import * as imported from '${specifier}';\nexport { imported };\n`;

const forbidden: [SourceFolder, string][] = [
  ['shared', 'react'],
  ['shared', 'dexie'],
  ['shared', 'electron'],
  ['shared', 'node:fs'],
  ['shared', 'fs'],
  ['shared', 'better-sqlite3'],
  ['shared', 'better-sqlite3-node20'],
  ['shared', 'fastify'],
  ['shared', '../renderer/x'],
  ['shared', '../server/x'],
  ['renderer', 'node:path'],
  ['renderer', 'electron'],
  ['renderer', '../electron/preload'],
  ['renderer', '../server/db'],
  ['electron', '../renderer/app'],
  ['electron', '../server/main'],
  ['server', '../electron/main'],
  ['server', '../renderer/app'],
  ['server', 'electron'],
];

const allowed: [SourceFolder, string][] = [
  ['shared', 'zod'],
  ['shared', './result'],
  ['renderer', '../shared/result'],
  ['server', 'node:fs'],
  ['server', '../shared/result'],
  ['electron', 'electron'],
  ['electron', 'node:path'],
];

describe('import rules (docs/architecture.md, Layout)', () => {
  test.each(forbidden)(
    '%s/ importing %j is reported by no-restricted-imports',
    async (folder, specifier) => {
      const result = await lintAs(folder, importOf(specifier));
      // Some specifiers match two patterns (e.g. 'electron' is both a library and a
      // folder name) and so get two messages; one is enough.
      expect(errorsOf(result, 'no-restricted-imports')).not.toEqual([]);
    },
  );

  test.each(allowed)('%s/ importing %j is not reported', async (folder, specifier) => {
    const result = await lintAs(folder, importOf(specifier));
    expect(errorsOf(result, 'no-restricted-imports')).toEqual([]);
  });
});

describe('host globals in shared/', () => {
  test.each(['window', 'process'])(
    'shared/ using the global %s is reported by no-restricted-globals',
    async (name) => {
      const result = await lintAs('shared', `export const host = ${name};\n`);
      expect(errorsOf(result, 'no-restricted-globals')).toEqual([
        expect.stringContaining(`shared/ must not depend on the host global '${name}'.`),
      ]);
    },
  );

  test('server/ using the global process is not reported', async () => {
    const result = await lintAs('server', 'export const host = process;\n');
    expect(errorsOf(result, 'no-restricted-globals')).toEqual([]);
  });
});

describe('Electron security checklist in lint', () => {
  test('electron/ may not call shell.openExternal', async () => {
    const result = await lintAs(
      'electron',
      "declare const shell: { openExternal(url: string): Promise<void> };\nvoid shell.openExternal('https://example.com');\n",
    );
    expect(errorsOf(result, 'no-restricted-properties')).toHaveLength(1);
  });
});
