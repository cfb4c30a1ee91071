import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The dependency rules of ARCHITECTURE.md are enforced by eslint.config.js, not by discipline
 * (issue 10, decision 084). Each rule is shown failing on one deliberate violation, with the rule id
 * and the message a contributor would read, and passing on one import it allows — so a config edit
 * that silently drops a rule, or forbids a legitimate import, fails here.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

interface Finding {
  ruleId: string | null;
  message: string;
}

async function lint(file: string, code: string, engine = eslint): Promise<Finding[]> {
  const [result] = await engine.lintText(code, { filePath: join(ROOT, file), warnIgnored: true });
  return result!.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }));
}

/** A module that imports `spec` and uses it, so only the dependency rules have anything to say. */
const importing = (spec: string): string => `import { x } from '${spec}';\n\nexport const y = x;\n`;

const RESTRICTED = 'no-restricted-imports';
const RELATIVE = 'import-x/no-relative-packages';

interface Case {
  rule: string;
  file: string;
  spec: string;
  ruleId: string;
  says: string;
}

const violations: Case[] = [
  {
    rule: 'packages never import apps',
    file: 'packages/cases/src/probe.ts',
    spec: '@tern/server/app',
    ruleId: RESTRICTED,
    says: 'Packages never import apps',
  },
  {
    rule: 'packages never import apps (relative path)',
    file: 'packages/cases/src/probe.ts',
    spec: '../../../apps/server/src/app.ts',
    ruleId: RELATIVE,
    says: 'Relative import from another package is not allowed',
  },
  {
    rule: 'packages/forms imports nothing internal',
    file: 'packages/forms/src/probe.ts',
    spec: '@tern/sync',
    ruleId: RESTRICTED,
    says: 'packages/forms imports nothing internal',
  },
  {
    rule: 'only packages/store imports PouchDB (not the server app)',
    file: 'apps/server/src/probe.ts',
    spec: 'pouchdb',
    ruleId: RESTRICTED,
    says: 'Only packages/store imports PouchDB',
  },
  {
    rule: 'only packages/store imports PouchDB (not e2e tests)',
    file: 'tests/e2e/probe.e2e.ts',
    spec: 'pouchdb-adapter-memory',
    ruleId: RESTRICTED,
    says: 'Only packages/store imports PouchDB',
  },
  {
    rule: 'the sync core imports no transport (the replicator, issue 10)',
    file: 'packages/sync/src/replicator.ts',
    spec: './fetch-remote.ts',
    ruleId: RESTRICTED,
    says: 'The sync core imports no transport',
  },
  {
    rule: 'the sync core imports no node:*',
    file: 'packages/sync/src/probe.ts',
    spec: 'node:crypto',
    ruleId: RESTRICTED,
    says: 'no node:* modules',
  },
  {
    rule: 'the sync core imports no dexie',
    file: 'packages/sync/src/probe.ts',
    spec: 'dexie',
    ruleId: RESTRICTED,
    says: 'Only apps/web imports react, react-dom, dexie and workbox-window',
  },
  {
    rule: 'only apps/web imports react',
    file: 'packages/cases/src/probe.ts',
    spec: 'react',
    ruleId: RESTRICTED,
    says: 'Only apps/web imports react',
  },
  {
    rule: 'only apps/web imports workbox-window (not tests)',
    file: 'tests/support/probe.ts',
    spec: 'workbox-window',
    ruleId: RESTRICTED,
    says: 'Only apps/web imports react',
  },
  {
    rule: 'only apps/server and tests import fastify',
    file: 'apps/web/src/probe.ts',
    spec: '@fastify/compress',
    ruleId: RESTRICTED,
    says: 'Only apps/server (and tests) import fastify',
  },
  {
    rule: 'pure packages import no framework (future packages too)',
    file: 'packages/research/src/probe.ts',
    spec: 'i18next',
    ruleId: RESTRICTED,
    says: 'Pure packages import no framework',
  },
  {
    rule: 'no deep imports across packages',
    file: 'apps/web/src/probe.ts',
    spec: '@tern/sync/src/rev-id.ts',
    ruleId: RESTRICTED,
    says: 'No deep imports across packages',
  },
  {
    rule: 'no relative path climbing into another package',
    file: 'apps/web/src/probe.ts',
    spec: '../../../packages/sync/src/rev-id.ts',
    ruleId: RELATIVE,
    says: 'Relative import from another package is not allowed',
  },
  {
    rule: 'no relative path from tests into an app',
    file: 'tests/support/probe.ts',
    spec: '../../apps/server/src/app.ts',
    ruleId: RELATIVE,
    says: 'Relative import from another package is not allowed',
  },
  {
    rule: 'apps/web never imports the server store',
    file: 'apps/web/src/probe.ts',
    spec: '@tern/store',
    ruleId: RESTRICTED,
    says: 'apps/web never imports @tern/store',
  },
  {
    rule: 'apps/web never imports the research engine',
    file: 'apps/web/src/probe.ts',
    spec: '@tern/research',
    ruleId: RESTRICTED,
    says: 'apps/web never imports @tern/research',
  },
  {
    rule: 'packages/demography does no I/O (no node:* outside its tests)',
    file: 'packages/demography/src/probe.ts',
    spec: 'node:fs',
    ruleId: RESTRICTED,
    says: 'packages/demography is pure and does no I/O',
  },
  {
    rule: 'packages/profiles does no I/O (no node:* outside its tests)',
    file: 'packages/profiles/src/probe.ts',
    spec: 'node:fs',
    ruleId: RESTRICTED,
    says: 'packages/profiles is pure and does no I/O',
  },
  {
    rule: 'packages/profiles imports no framework',
    file: 'packages/profiles/src/probe.ts',
    spec: 'react',
    ruleId: RESTRICTED,
    says: 'react',
  },
  {
    rule: 'packages/matching does no I/O (no node:* outside its tests)',
    file: 'packages/matching/src/probe.ts',
    spec: 'node:fs',
    ruleId: RESTRICTED,
    says: 'packages/matching is pure and does no I/O',
  },
  {
    rule: 'packages/matching imports no framework',
    file: 'packages/matching/src/probe.ts',
    spec: 'fastify',
    ruleId: RESTRICTED,
    says: 'Only apps/server (and tests) import fastify',
  },
  {
    rule: 'the server never imports the research test helpers',
    file: 'apps/server/src/probe.ts',
    spec: '@tern/research/testing',
    ruleId: RESTRICTED,
    says: 'research test helpers',
  },
];

const allowed: Array<Omit<Case, 'ruleId' | 'says'>> = [
  { rule: 'a package imports another package', file: 'packages/cases/src/probe.ts', spec: '@tern/sync' },
  { rule: 'forms imports its own files', file: 'packages/forms/src/probe.ts', spec: './definition.ts' },
  { rule: 'packages/store imports PouchDB', file: 'packages/store/src/probe.ts', spec: 'pouchdb' },
  { rule: 'interop tests use PouchDB as a client', file: 'tests/interop/probe.test.ts', spec: 'pouchdb' },
  {
    rule: 'the sync core imports the failure classification',
    file: 'packages/sync/src/probe.ts',
    spec: './round-trip-error.ts',
  },
  {
    rule: 'the sync transport is not the core',
    file: 'packages/sync/src/fetch-remote.ts',
    spec: './round-trip-error.ts',
  },
  { rule: 'sync test helpers may use Node', file: 'packages/sync/src/testing/probe.ts', spec: 'node:crypto' },
  { rule: 'apps/web imports react', file: 'apps/web/src/probe.tsx', spec: 'react' },
  { rule: 'apps/web imports dexie', file: 'apps/web/src/probe.ts', spec: 'dexie' },
  { rule: 'apps/server imports fastify', file: 'apps/server/src/probe.ts', spec: 'fastify' },
  {
    rule: 'apps/server imports the research engine',
    file: 'apps/server/src/probe.ts',
    spec: '@tern/research',
  },
  {
    rule: 'benchmarks use the research test helpers',
    file: 'tests/bench/probe.ts',
    spec: '@tern/research/testing',
  },
  { rule: 'tests import fastify', file: 'tests/support/probe.ts', spec: 'fastify' },
  {
    rule: 'demography tests read their fixtures',
    file: 'packages/demography/src/probe.test.ts',
    spec: 'node:fs',
  },
  {
    rule: 'profiles tests read their fixtures',
    file: 'packages/profiles/src/probe.test.ts',
    spec: 'node:fs',
  },
  {
    rule: 'profiles builds on the indicator registry',
    file: 'packages/profiles/src/probe.ts',
    spec: '@tern/demography',
  },
  {
    rule: 'matching tests read docs/errors.md',
    file: 'packages/matching/src/probe.test.ts',
    spec: 'node:fs',
  },
  {
    rule: 'matching uses its transliteration library',
    file: 'packages/matching/src/probe.ts',
    spec: 'any-ascii',
  },
  { rule: 'a pure package imports zod', file: 'packages/forms/src/probe.ts', spec: 'zod' },
  { rule: 'an app imports an exported sub-path', file: 'apps/web/src/probe.ts', spec: '@tern/sync/testing' },
  {
    rule: 'tests build the server through its exports',
    file: 'tests/support/probe.ts',
    spec: '@tern/server/app',
  },
];

describe('dependency rules (eslint.config.js)', () => {
  it.each(violations)('refuses: $rule', async ({ file, spec, ruleId, says }) => {
    const found = await lint(file, importing(spec));
    expect(found).toEqual([{ ruleId, message: expect.stringContaining(says) }]);
  });

  it.each(allowed)('allows: $rule', async ({ file, spec }) => {
    expect(await lint(file, importing(spec))).toEqual([]);
  });

  it('the sync core uses no network or Node globals, the transport may', async () => {
    const code = 'export const get = (url: string) => fetch(url);\n';
    expect(await lint('packages/sync/src/probe.ts', code)).toEqual([
      {
        ruleId: 'no-restricted-globals',
        message: expect.stringContaining('The sync core is pure: no fetch'),
      },
    ]);
    expect(await lint('packages/sync/src/fetch-remote.ts', code)).toEqual([]);
  });

  it('refuses an import cycle, and passes a module without one', async () => {
    // The fixtures folder is ignored by the config so `eslint .` stays clean: lint it with ignores off.
    const unignored = new ESLint({ cwd: ROOT, ignore: false });
    const file = 'tests/structure/fixtures/cycle-a.ts';
    const found = await lint(file, readFileSync(join(ROOT, file), 'utf8'), unignored);
    expect(found).toEqual([{ ruleId: 'import-x/no-cycle', message: 'Dependency cycle detected' }]);
    const withoutCycle = "import { b } from './cycle-b.ts';\n\nexport const c = b;\n";
    expect(await lint('tests/structure/fixtures/probe.ts', withoutCycle, unignored)).toEqual([]);
  });

  it('the replicator as written passes every rule (it imported the HTTP transport, issue 10)', async () => {
    const [result] = await eslint.lintFiles(['packages/sync/src/replicator.ts']);
    expect(result!.messages).toEqual([]);
  });
});
