import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

// ── Dependency rules (ARCHITECTURE.md "Layout"; docs/navigating-the-code.md; decision 084) ──────────
// Each restriction says what is refused and why, because the message is all a contributor sees.
// ESLint keeps only the LAST `no-restricted-imports` setting that matches a file, so every zone below
// lists its complete set of restrictions; zones are ordered general → specific.
const restrict = (message, ...group) => ({ group, message });

const APPS = restrict(
  'Packages never import apps (apps → packages, never back): move the shared code into a package.',
  '@tern/web',
  '@tern/web/*',
  '@tern/server',
  '@tern/server/*',
);
const INTERNAL = restrict(
  'packages/forms imports nothing internal: form definitions must stay usable on their own.',
  '@tern/*',
);
const DEEP = restrict(
  'No deep imports across packages: import the package entry point ("exports" in its package.json).',
  '@tern/*/src',
  '@tern/*/src/*',
);
const POUCH = restrict(
  'Only packages/store imports PouchDB (no PouchDB type leaves it); tests/interop, tests/support and tests/bench may, as clients and baselines.',
  'pouchdb',
  'pouchdb/*',
  'pouchdb-*',
);
const WEB_ONLY = restrict(
  'Only apps/web imports react, react-dom, dexie and workbox-window (the browser UI and device storage).',
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'react-i18next',
  'dexie',
  'dexie/*',
  'workbox-window',
);
const SERVER_ONLY = restrict(
  'Only apps/server (and tests) import fastify and @fastify/*.',
  'fastify',
  'fastify/*',
  '@fastify/*',
);
const FRAMEWORK = restrict(
  'Pure packages import no framework: they run unchanged on the device, the server and in tests.',
  'i18next',
  'vite',
  'express',
  'koa',
  'hono',
);
const NODE = restrict(
  'The sync core runs in the browser too: no node:* modules (put Node-only code in the transport or in the caller).',
  'node:*',
  ...builtinModules.filter((m) => !m.startsWith('_')),
);
const DEMOGRAPHY_NODE = restrict(
  'packages/demography is pure and does no I/O (it runs in a browser worker too): no node:* modules; the caller reads files and passes text or bytes.',
  'node:*',
  ...builtinModules.filter((m) => !m.startsWith('_')),
);
const PROFILES_NODE = restrict(
  'packages/profiles is pure and does no I/O (profiles are edited offline in the browser): no node:* modules; the caller reads files and passes text or bytes.',
  'node:*',
  ...builtinModules.filter((m) => !m.startsWith('_')),
);
const MATCHING_NODE = restrict(
  'packages/matching is pure and does no I/O (it may run on the server, in a worker or on a device): no node:* modules; the caller reads the cases and passes records.',
  'node:*',
  ...builtinModules.filter((m) => !m.startsWith('_')),
);
const TRANSPORT = {
  regex: '(^|/)(fetch-remote)(\\.ts)?$|^(undici|node-fetch|axios|ws)$',
  message:
    'The sync core imports no transport: it talks to a SyncRemote it is given (fetch-remote.ts is one).',
};
const STORE = restrict(
  'apps/web never imports @tern/store: PouchDB on LevelDB is the server store, the device uses Dexie.',
  '@tern/store',
);
const RESEARCH = restrict(
  'apps/web never imports @tern/research: the analytics engine (DuckDB, native) and the unpublished rows stay on the server; the dashboard gets published tables through the API.',
  '@tern/research',
  '@tern/research/*',
);
const RESEARCH_TESTING = restrict(
  'The research test helpers (@tern/research/testing: the naive control, the attacker, the in-memory store) are for tests and benchmarks only.',
  '@tern/research/testing',
);
const STORE_TESTING = restrict(
  'The store conformance suite (@tern/store/testing) is for tests only.',
  '@tern/store/testing',
);
const OTHER_APP = (name) =>
  restrict(`Apps never import each other: share through a package instead of ${name}.`, name, `${name}/*`);

const zone = (files, patterns, extra = {}) => ({
  files,
  ...extra,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const PURE = [APPS, DEEP, POUCH, WEB_ONLY, SERVER_ONLY, FRAMEWORK];
const SYNC_CORE_ONLY = {
  // The transport (fetch-remote.ts) and test helpers may use the network and Node; tests may import them;
  // the entry point (index.ts) offers the core and the transport side by side.
  ignores: [
    'packages/sync/src/fetch-remote.ts',
    'packages/sync/src/index.ts',
    'packages/sync/src/testing/**',
    '**/*.test.ts',
  ],
};

const dependencyRules = [
  zone(['scripts/**', 'tests/**'], [DEEP, POUCH, WEB_ONLY]),
  zone(['tests/interop/**', 'tests/support/**', 'tests/bench/**'], [DEEP, WEB_ONLY]),
  zone(['apps/web/**'], [DEEP, POUCH, SERVER_ONLY, STORE, RESEARCH, OTHER_APP('@tern/server')]),
  zone(['apps/server/**'], [DEEP, POUCH, WEB_ONLY, STORE_TESTING, RESEARCH_TESTING, OTHER_APP('@tern/web')]),
  zone(['apps/server/test/**'], [DEEP, POUCH, WEB_ONLY, OTHER_APP('@tern/web')]),
  zone(['packages/**'], PURE),
  zone(['packages/store/**'], [APPS, DEEP, WEB_ONLY, SERVER_ONLY, FRAMEWORK]),
  zone(['packages/forms/**'], [...PURE, INTERNAL]),
  zone(['packages/sync/src/**'], [...PURE, NODE, TRANSPORT], SYNC_CORE_ONLY),
  zone(['packages/demography/src/**'], [...PURE, DEMOGRAPHY_NODE], { ignores: ['**/*.test.ts'] }),
  zone(['packages/profiles/src/**'], [...PURE, PROFILES_NODE], { ignores: ['**/*.test.ts'] }),
  zone(['packages/matching/src/**'], [...PURE, MATCHING_NODE], { ignores: ['**/*.test.ts'] }),
  {
    files: ['packages/sync/src/**'],
    ...SYNC_CORE_ONLY,
    rules: {
      'no-restricted-globals': [
        'error',
        ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'indexedDB', 'process', 'Buffer'].map(
          (name) => ({
            name,
            message: `The sync core is pure: no ${name}; the caller's SyncStorage or SyncRemote does I/O.`,
          }),
        ),
      ],
    },
  },
  {
    // Everywhere: a relative path never climbs into another workspace package or app (the package's
    // "exports" are its only doors), and no module imports itself back through a chain of imports.
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    rules: {
      'import-x/no-relative-packages': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
];

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
      // Deliberate violations the lint-rule test lints with ignores off (tests/structure).
      'tests/structure/fixtures/**',
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
  ...dependencyRules,
  {
    // The store is sealed (docs/decisions/081-sealed-store.md): no PouchDB type outside packages/store.
    files: ['apps/**/*.{ts,tsx}', 'packages/*/src/**/*.{ts,tsx}'],
    ignores: ['packages/store/**'],
    rules: {
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
