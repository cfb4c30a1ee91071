// `npm run fuzz -- [--seed N] [--per-family N] [--family NAME]…`: hostile requests at volume against
// one in-process server on LevelDB (tests/fuzz, issue 19). Not part of `npm test` at full volume.
import { spawnSync } from 'node:child_process';
import { ROOT } from './setup.mjs';

const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'tests/fuzz/fuzz-cli.ts', ...process.argv.slice(2)],
  {
    cwd: ROOT,
    stdio: 'inherit',
  },
);
process.exit(r.status ?? 1);
