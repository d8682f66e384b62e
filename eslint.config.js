// Lint, plus the layering rules that keep ARCHITECTURE.md's boundaries visible in the folders:
// shared/ is pure (browser worker and Node), renderer/ is the browser, main/ is Node, and only
// main/electron/ and preload/ may import 'electron'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const restrict = (paths, patterns, message) => ({
  'no-restricted-imports': ['error', { paths: paths.map((name) => ({ name, message })), patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.cache/**', 'test-output/**', 'renderer/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([...nodeBuiltins, 'electron', 'better-sqlite3', 'react', 'ws'], ['**/main/**', '**/renderer/**', '**/preload/**', '**/sync-server/**'], 'shared/ must stay isomorphic: no Node, DOM-only, Electron or other-layer imports'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: restrict([...nodeBuiltins, 'electron', 'better-sqlite3'], ['**/main/**', '**/sync-server/**'], 'renderer/ runs in the browser: talk to main through the contract client'),
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: restrict(['electron'], ['**/renderer/**'], "only main/electron/ may import 'electron'; main/ must run under plain Node"),
  },
  {
    files: ['sync-server/**/*.ts'],
    rules: restrict(['electron'], ['**/renderer/**', '**/main/electron/**'], 'the sync server runs without Electron'),
  },
  {
    files: ['**/*.{js,mjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
