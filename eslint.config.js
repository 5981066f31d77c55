// Lint rules of Ketenregie, including the package boundaries of STYLE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'stream',
  'http',
  'https',
  'zlib',
  'child_process',
  'url',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.ketenregie/**', 'coverage/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      // Resolve like Node and the bundler do: package `exports` with the `import` condition.
      'import-x/resolver-next': [createNodeResolver({ conditionNames: ['import', 'module', 'default'] })],
      'import-x/ignore': ['node_modules'],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // core is pure: no I/O, no framework, no database.
    files: ['packages/core/src/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'core is pure: do I/O in server or cli.' },
            {
              group: ['pg', '@electric-sql/*', 'fastify', '@fastify/*', 'react', 'react-dom', '@ketenregie/*'],
              message: 'core depends on no database, framework or other package.',
            },
          ],
        },
      ],
    },
  },
  {
    // web talks to the server over HTTP only; from core it takes types and schemas.
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'web runs in the browser.' },
            {
              group: ['@ketenregie/server', '@ketenregie/cli', 'pg', '@electric-sql/*'],
              message: 'web uses the HTTP API.',
            },
          ],
        },
      ],
    },
  },
  {
    // server never reaches into the web app or the CLI.
    files: ['packages/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@ketenregie/web', '@ketenregie/cli', 'react'], message: 'server is below web and cli.' },
          ],
        },
      ],
    },
  },
  {
    // services hold the rules, repositories hold SQL: routes never touch the database directly.
    files: ['packages/server/src/routes/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/repositories/**', '**/db/**', 'pg', '@electric-sql/*'],
              message: 'routes call services, not repositories or SQL.',
            },
          ],
        },
      ],
    },
  },
);
