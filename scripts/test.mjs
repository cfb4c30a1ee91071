// `npm test`: install what is needed (pnpm, dependencies, Debian chromium), then run every check and
// every test suite, and close with one line `N passed, N failed` that CI reads.
// Static checks (types, lint, format) count as one test each; vitest suites count their tests.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureChromium, ensurePnpm, installDeps, log } from './setup.mjs';

const only = process.argv.slice(2); // e.g. `npm test -- unit interop e2e`
const want = (name) => only.length === 0 || only.includes(name);
const outDir = join(ROOT, '.ci', 'out');
mkdirSync(outDir, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args) {
  log(`▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT });
  const ok = r.status === 0;
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
  return ok;
}

/**
 * Run a command without blocking. `logFile`: it runs beside the unit suite, its output kept in that
 * file and printed when it ends (headed by `title`), so that the two logs do not interleave.
 */
async function runLogged(title, cmd, args, logFile) {
  log(`▶ ${title}${logFile ? ' (beside the unit suite: its output follows when it ends)' : ''}`);
  const fd = logFile ? openSync(logFile, 'w') : null;
  const child = spawn(cmd, args, { stdio: fd === null ? 'inherit' : ['ignore', fd, fd], cwd: ROOT });
  const status = await new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.on('error', () => resolve(null));
  });
  if (fd !== null) {
    closeSync(fd);
    log(`▶ ${title}, as it ran beside the unit suite:`);
    process.stdout.write(readFileSync(logFile, 'utf8'));
  }
  return status;
}

/** A step (counted as one test) run without blocking: beside the unit suite when `logFile` is given. */
async function stepBeside(name, cmd, args, logFile) {
  const ok = (await runLogged(name, cmd, args, logFile)) === 0;
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
  return ok;
}

/** Run one vitest suite and count its tests (beside the unit suite when `logFile` is given). */
async function vitestSuite(name, pnpm, config, logFile) {
  const out = join(outDir, `${name}.json`);
  rmSync(out, { force: true });
  const args = ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  if (config) args.push('--config', config);
  const status = await runLogged(`${name} tests`, pnpm, args, logFile);
  const r = { status };
  let report;
  try {
    report = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    failed += 1;
    failures.push(`${name}: vitest produced no report (exit ${r.status})`);
    return;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numFailedTests > 0) failures.push(`${name}: ${report.numFailedTests} failed`);
  // A suite that fails to load counts its file as a failure even with no test recorded.
  const broken = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
  failed += broken.length;
  for (const f of broken) failures.push(`${name}: ${f.name} did not load: ${f.message?.split('\n')[0]}`);
  if (r.status !== 0 && report.numFailedTests === 0 && broken.length === 0) {
    failed += 1;
    failures.push(`${name}: vitest exited ${r.status}`);
  }
}

let pnpm;
try {
  pnpm = ensurePnpm();
  installDeps(pnpm);
} catch (e) {
  console.error(String(e));
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (want('static')) {
  step('typecheck', pnpm, ['-r', '--workspace-concurrency=1', 'run', 'typecheck']);
  step('lint', pnpm, ['exec', 'eslint', '.']);
  step('format', pnpm, ['exec', 'prettier', '--check', '.']);
}
// The load soak's sample (two minutes of devices thinking between syncs), the fault suite (servers
// killed and restarted, links cut), the interop suite (servers on loopback, shaped links) and the web
// build for e2e run one after the other beside the unit suite, whose single vitest worker leaves CI's
// second core half idle: CI must end within 30 minutes on 2 cores. Their output is kept apart and
// printed as each ends. e2e (Chromium, timing-sensitive) runs alone afterwards.
const logTo = want('unit') ? (name) => join(outDir, `${name}.log`) : () => undefined;
let e2eReady = false;
const besideUnit = (async () => {
  if (want('soak')) await vitestSuite('soak', pnpm, 'tests/soak/load-vitest.config.ts', logTo('soak'));
  if (want('fault')) await vitestSuite('fault', pnpm, 'tests/fault/vitest.config.ts', logTo('fault'));
  if (want('interop')) await vitestSuite('interop', pnpm, 'tests/interop/vitest.config.ts', logTo('interop'));
  if (want('e2e')) {
    try {
      ensureChromium();
    } catch (e) {
      console.error(String(e));
      failed += 1;
      failures.push('e2e: chromium unavailable');
      return;
    }
    e2eReady = await stepBeside(
      'build web app',
      pnpm,
      ['--filter', '@tern/web', 'run', 'build'],
      logTo('build'),
    );
  }
})();
if (want('unit')) await vitestSuite('unit', pnpm);
await besideUnit;
if (e2eReady) await vitestSuite('e2e', pnpm, 'tests/e2e/vitest.config.ts');

if (failures.length) {
  log('failures:');
  for (const f of failures) console.log(`  - ${f}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
