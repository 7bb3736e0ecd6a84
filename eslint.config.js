// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Node and Electron stay out of the renderer; raw IPC stays inside the typed IPC helpers. */
const rendererBans = {
  paths: ['electron', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'crypto'].map((name) => ({
    name,
    message: 'The renderer runs in a browser: go through the platform adapter (window.studio) instead.',
  })),
  patterns: [
    { group: ['node:*'], message: 'No Node built-ins in the renderer.' },
    { group: ['**/relay-server/**', '**/src-main/**'], message: 'The renderer may import only protocol/ and its own code.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'dist-web/**', 'bench/results/**', 'relay-server/drizzle/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='ipcRenderer']", message: 'Use the typed IPC helpers in src-preload.' },
        { selector: "MemberExpression[object.name='ipcMain']", message: 'Use the typed handle() helper in src-main/ipc.' },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': ['error', rendererBans],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Every import points down: the shared contracts (protocol/, i18n/) import no app code, and main,
    // preload and relay do not reach into each other or into the renderer.
    files: ['protocol/**/*.ts', 'i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src-*/**', '**/relay-server/**'], message: 'Shared contracts import no app code.' }] }],
    },
  },
  {
    files: ['src-main/**/*.ts', 'src-preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src-renderer/**', '**/relay-server/**'], message: 'Import shared contracts from protocol/ or i18n/.' }] },
      ],
    },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src-main/**', '**/src-renderer/**', '**/relay-server/**'], message: 'Import shared contracts from protocol/ or i18n/.' }] },
      ],
    },
  },
  {
    // Repositories are written once for both dialects: what MySQL and SQLite spell differently goes
    // through the dialect bundle (storage/dialect.ts), never straight to one dialect's builder.
    files: ['relay-server/src/storage/repositories/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['returning', 'onConflictDoUpdate', 'onConflictDoNothing', 'onDuplicateKeyUpdate', '$returningId', 'for'].map((name) => ({
          selector: `MemberExpression[property.name='${name}']`,
          message: `\`${name}\` exists in one dialect only: use the Dialect operations (storage/dialect.ts).`,
        })),
      ],
    },
  },
  {
    // The typed IPC helpers are the one place allowed to touch raw IPC.
    files: ['src-main/ipc/**/*.ts', 'src-preload/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['tests/**/*.{ts,tsx}', '**/*.test.{ts,tsx}', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
