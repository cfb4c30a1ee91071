// `npm start`: install what is needed, build the PWA, and run the server on the embedded store
// (PouchDB on LevelDB in .tern-data/) with the demo mission.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, ensurePnpm, installDeps, log, run } from './setup.mjs';

const pnpm = ensurePnpm();
installDeps(pnpm);
log('building the web app');
run(pnpm, ['--filter', '@tern/web', 'run', 'build']);

const env = {
  ...process.env,
  TERN_DATA_DIR: process.env.TERN_DATA_DIR ?? join(ROOT, '.tern-data'),
  TERN_PORT: process.env.TERN_PORT ?? '8080',
};
// Demo mission and one account per role (passwords in the README). Idempotent; never on real data.
log('seeding the demo mission and accounts');
run(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/server/src/seed/demo.ts')], { env });
log(
  `starting Tern on http://${env.TERN_HOST ?? '127.0.0.1'}:${env.TERN_PORT} (data in ${env.TERN_DATA_DIR}); Ctrl-C stops it`,
);
const server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/server/src/main.ts')], {
  cwd: join(ROOT, 'apps/server'),
  env,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
