// Lint also enforces the dependency direction: core ← adapters ← ui ← extension.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'This layer must run without VS Code.' };

export default tseslint.config(
  // The schema validator is written by Ajv at build time (build/backlogValidator.mjs).
  { ignores: ['dist/**', 'out/**', '.cache/**', 'node_modules/**', 'test-results/**', 'src/**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/core/**', 'src/protocol/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noVscode],
        patterns: [{ group: ['**/adapters/**', '**/ui/**', '**/webview/**', '**/extension'], message: 'core and protocol depend on nothing above them.' }],
      }],
    },
  },
  {
    files: ['src/webview/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noVscode],
        patterns: [{ group: ['**/adapters/**', '**/ui/**', '**/extension', 'node:*'], message: 'Webview code imports only the protocol and pure helpers.' }],
      }],
    },
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The command line runs without VS Code.' }],
        patterns: [{ group: ['**/ui/**', '**/webview/**', '**/extension'], message: 'The command line uses the core and the adapters, not the UI.' }],
      }],
    },
  },
  {
    files: ['src/adapters/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/ui/**', '**/webview/**', '**/extension'], message: 'adapters must not depend on the UI.' }],
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      parserOptions: { projectService: false, program: null, project: false },
      sourceType: 'module',
      globals: { globalThis: 'readonly', process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // ESLint's own config format requires a default export.
    files: ['eslint.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
