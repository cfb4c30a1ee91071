// `npm run bench:load`: install what is needed (pnpm, dependencies), then run the load benchmark
// (tests/bench/load-bench.ts) with tsx: 50, 100 and 200 devices at once through both of Tern's doors
// and against pouchdb-server, in one run. Arguments after `--` go to the bench (e.g. `--devices 50`).
// Not part of `npm test`: it takes minutes and needs the machine to itself for figures worth keeping.
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
  ['--import', 'tsx', join(ROOT, 'tests', 'bench', 'load-bench.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: ROOT },
);
process.exit(r.status ?? 1);
