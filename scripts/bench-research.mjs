// `npm run bench:research`: install what is needed, then run tests/bench/research-attack.bench.ts with
// tsx: the adversarial attack (Tern against the naive control), the CTDC k-anonymous export against
// dropping whole records, and the analytics figures (a table over 200,000 cases against reading every
// document from PouchDB; a catch-up of 100,000 changes). Arguments after `--` go to the bench
// (`--scale 0.1` for a quick look).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, ensurePnpm, installDeps } from './setup.mjs';

try {
  installDeps(ensurePnpm());
} catch (e) {
  console.error(String(e));
  process.exit(1);
}
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(ROOT, 'tests', 'bench', 'research-attack.bench.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: ROOT },
);
process.exit(r.status ?? 1);
