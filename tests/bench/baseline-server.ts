import { startCouchServer } from '@tern/store/testing';

/**
 * The baseline: pouchdb-server 4.2 (express-pouchdb on PouchDB 7, LevelDB backend) as a child process
 * on loopback, in its own process group and temporary folder, removed when stopped (the load bench
 * leaves 20,000 records per step otherwise). The same starter as the tests' CouchDB-protocol store.
 */
export interface BaselineServer {
  /** Without a trailing `/`. */
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export async function startPouchDbServer(): Promise<BaselineServer> {
  const s = await startCouchServer({ onDisk: true });
  return { url: s.url.replace(/\/$/, ''), port: s.port, pid: s.pid, stop: s.stop };
}
