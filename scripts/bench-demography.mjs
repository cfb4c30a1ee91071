// `npm run bench:demography`: install what is needed, then run tests/bench/demography.bench.ts with tsx:
// the multiregional projection at 50–300 regions against the textbook generalised Leslie matrix.
// Arguments after `--` go to the bench (`-- --quick`: 50 and 100 regions only).
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
  ['--import', 'tsx', join(ROOT, 'tests', 'bench', 'demography.bench.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: ROOT },
);
process.exit(r.status ?? 1);
