// Lint for the whole package. The import rules of docs/architecture.md (Layout) live
// here, so which process a file may run in is checked, not remembered. test/lint proves
// that a forbidden import is actually reported.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

/** Node built-ins, bare and with the `node:` scheme. */
const nodeBuiltinPatterns = {
  group: ['node:*', ...nodeBuiltins, ...nodeBuiltins.map((name) => `${name}/*`)],
  message: 'Node built-ins are not available here (see docs/architecture.md, Layout).',
};
const uiAndShellLibraries = {
  group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'dexie', 'dexie/*'],
  message: 'shared/ is pure domain code: no React or Dexie (docs/architecture.md, Layout).',
};
const electronLibraries = {
  group: ['electron', 'electron/*', 'electron-updater', 'node-hid'],
  message: 'Electron APIs belong to electron/ only (docs/architecture.md, Layout).',
};
const serverLibraries = {
  group: [
    'fastify',
    'fastify/*',
    '@fastify/*',
    'better-sqlite3',
    'better-sqlite3-node20',
    'pg',
    'pg/*',
  ],
  message: 'Server libraries belong to server/ only (docs/architecture.md, Layout).',
};
/**
 * Imports of one of our own source folders, by any relative path.
 * @param {string} name the folder
 * @param {string} message why it is not allowed here
 */
const folder = (name, message) => ({
  group: [`**/${name}`, `**/${name}/**`],
  message,
});

/** The import rules of docs/architecture.md, one entry per source folder. */
export const importRules = {
  'shared/**': [
    nodeBuiltinPatterns,
    uiAndShellLibraries,
    electronLibraries,
    serverLibraries,
    folder('renderer', 'shared/ imports none of the other folders.'),
    folder('electron', 'shared/ imports none of the other folders.'),
    folder('server', 'shared/ imports none of the other folders.'),
  ],
  'renderer/**': [
    nodeBuiltinPatterns,
    electronLibraries,
    serverLibraries,
    folder('electron', 'renderer/ never imports electron/: use the bridge (window.treu).'),
    folder('server', 'renderer/ never imports server/: talk to it over HTTP.'),
  ],
  'electron/**': [
    serverLibraries,
    folder('renderer', 'electron/ never imports renderer/.'),
    folder('server', 'electron/ never imports server/.'),
  ],
  'server/**': [
    electronLibraries,
    folder('renderer', 'server/ never imports renderer/.'),
    folder('electron', 'server/ never imports electron/.'),
  ],
};

const importRuleConfigs = Object.entries(importRules).map(([files, patterns]) => ({
  files: [files],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}));

export default defineConfig(
  {
    ignores: ['node_modules/', 'dist/', 'release/', 'coverage/', 'test-results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      // shared/ runs in the renderer, in Electron main and on the server alike.
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'indexedDB',
          'process',
          'Buffer',
        ].map((name) => ({
          name,
          message: `shared/ must not depend on the host global '${name}'.`,
        })),
      ],
    },
  },
  ...importRuleConfigs,
  {
    // Electron's security checklist: shell.openExternal never with untrusted input. Treu
    // has no link that should open a browser, so it is never called at all.
    files: ['electron/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          property: 'openExternal',
          message: 'Treu never opens external addresses (Electron security checklist).',
        },
      ],
    },
  },
  {
    files: ['test/**', 'server/**', 'electron/**', '*.js', '*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/use-*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  prettier,
);
