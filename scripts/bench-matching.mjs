// `npm run bench:matching`: install what is needed, run tests/bench/matching.bench.ts with tsx (the
// evaluation against exact-match dedup, then time and memory at 100,000 people against full pairwise
// comparison, then incremental matching). `-- --quick`: 5,000 and 20,000 people.
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
  ['--import', 'tsx', join(ROOT, 'tests', 'bench', 'matching.bench.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: ROOT },
);
process.exit(r.status ?? 1);
