// `npm run soak -- [--seed N] [--runs N] [--only N]`: the fault campaign of tests/soak (issue 19).
// The server it starts is spawned in its own process group and stopped by the campaign itself.
import { spawnSync } from 'node:child_process';
import { ROOT } from './setup.mjs';

const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'tests/soak/soak-cli.ts', ...process.argv.slice(2)],
  {
    cwd: ROOT,
    stdio: 'inherit',
  },
);
process.exit(r.status ?? 1);
