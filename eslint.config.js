import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-bench/**',
      'coverage/**',
      '.ci/out/**',
      '**/.tern-data/**',
      'tests/.tmp/**',
      'data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The store is sealed (docs/decisions/081-sealed-store.md): only packages/store speaks PouchDB.
    files: ['apps/**/*.{ts,tsx}', 'packages/*/src/**/*.{ts,tsx}'],
    ignores: ['packages/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['pouchdb', 'pouchdb-*'],
              message: 'Only packages/store imports PouchDB; use @tern/store.',
            },
            { group: ['@tern/store/testing'], message: 'The store conformance suite is for tests only.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSQualifiedName[left.name='PouchDB']",
          message: 'No PouchDB type outside packages/store; use the Tern interfaces of @tern/store.',
        },
      ],
    },
  },
);
