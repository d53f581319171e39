// House rules that run in `npm test` (npm run lint): typescript-eslint's recommended rules with type
// information off (tsc --noEmit checks types), React hooks rules for the client, and the layering
// of docs/architecture.md — core/ and contract/ import nothing above them.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'client/dist/',
      'data/',
      '.lifecircle/',
      'test-results/',
      '.tmp/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a value left unused on purpose (a destructured field dropped from a copy).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The classic rules of hooks; the React Compiler's stricter rules would flag the client's
    // deliberate resets of state on a new region or scenario.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Tests read JSON answers whose shapes they assert as they go.
    files: ['tests/**/*.ts', '**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Pure domain code and the contract: no database, no HTTP server, no browser framework, nothing above.
    files: ['core/**/*.ts', 'contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/client/**', '**/scripts/**'],
              message: 'core/ and contract/ import nothing above them',
            },
            {
              group: [
                'pg',
                'hono',
                'hono/*',
                '@electric-sql/*',
                'react',
                'react-dom',
                'maplibre-gl',
                '@deck.gl/*',
              ],
              message: 'core/ and contract/ stay pure',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/contract/**', '**/server/**', '**/client/**', '**/scripts/**'],
              message: 'core/ imports nothing above it',
            },
            {
              group: [
                'pg',
                'hono',
                'hono/*',
                '@electric-sql/*',
                'react',
                'react-dom',
                'maplibre-gl',
                '@deck.gl/*',
              ],
              message: 'core/ stays pure',
            },
          ],
        },
      ],
    },
  },
  {
    // Services never speak HTTP: only the app, its binding, routes and docs import Hono.
    files: ['server/src/**/*.ts'],
    ignores: [
      'server/src/app.ts',
      'server/src/server.ts',
      'server/src/index.ts',
      'server/src/http/**',
      'server/src/routes/**',
      'server/src/openapi/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['hono', 'hono/*', '@hono/*'],
              message: 'services throw DomainError; routes speak HTTP',
            },
          ],
        },
      ],
    },
  },
);
