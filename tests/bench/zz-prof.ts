import { fetchRemote, syncOnce, MemorySyncStorage } from '@tern/sync';
import { startServer } from '../support/server-process.ts';
import { addRecords } from '../support/sync-fixtures.ts';
const s = await startServer({ env: { TERN_MISSIONS: 'a,b,c', TERN_LOG_LEVEL: 'warn', TERN_WEB_DIST: '/x' } });
for (const [m, n] of [
  ['a', 100],
  ['b', 1000],
] as const) {
  const d = new MemorySyncStorage();
  await addRecords(d, m, n, { run: 5 });
  const t0 = performance.now();
  await syncOnce(d, fetchRemote(`${s.url}/api/sync/${m}`), { device: 'x', batchDocs: 1000, batchBytes: 8e6 });
  console.log(m, n, 'push ms', performance.now() - t0);
  const f = new MemorySyncStorage();
  const t1 = performance.now();
  await syncOnce(f, fetchRemote(`${s.url}/api/sync/${m}`), { device: 'y', pullLimit: 1000 });
  console.log(m, n, 'pull ms', performance.now() - t1);
}
await s.stop();
