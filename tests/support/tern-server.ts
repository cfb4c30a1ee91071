import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TernStore } from '@tern/store';
// The server is an app, not a library: its package.json exports only what tests need to build it
// in-process, and this is the one place they do. Cross-process tests use server-process.ts instead.
import { allowAll } from '@tern/server/auth/authorize';
import { buildApp } from '@tern/server/app';

export interface InProcessServer {
  url: string;
  store: TernStore;
  app: Awaited<ReturnType<typeof buildApp>>;
  dataDir: string;
  /** `METHOD url` of every request served, to check what a client actually asked. */
  requests: string[];
  stop(): Promise<void>;
}

/** A real Tern server on LevelDB in a temp folder, listening on a loopback port chosen by the OS. */
export async function startTernInProcess(
  missions: string[] = ['demo'],
  extra: Partial<Parameters<typeof buildApp>[0]> = {},
): Promise<InProcessServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tern-interop-'));
  const store = new TernStore({ kind: 'leveldb', dataDir });
  const app = await buildApp({ store, missions, authorize: allowAll, ...extra });
  const requests: string[] = [];
  app.addHook('onRequest', async (req) => {
    requests.push(`${req.method} ${req.url}`);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    app,
    dataDir,
    requests,
    async stop() {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
