// `npm run bench`: install what is needed (pnpm, dependencies), then run the sync benchmark
// (tests/bench/sync-bench.ts) with tsx. Arguments after `--` go to the bench (e.g. `--scale 0.1`).
// Not part of `npm test`: it takes minutes and measures time on a shaped loopback link.
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
  ['--import', 'tsx', join(ROOT, 'tests', 'bench', 'sync-bench.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: ROOT },
);
process.exit(r.status ?? 1);
