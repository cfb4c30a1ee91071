import { serveCalls } from '../support/worker-rpc.ts';
import { LocalPouchClient, LocalTernClient } from './sync-clients.ts';
import type { PouchClientOptions } from './sync-clients.ts';

// One benchmark client in a process of its own: `tern`, or `pouchdb '<PouchClientOptions as JSON>'`.
const [role, json] = process.argv.slice(2);
if (role === 'tern') {
  const c = new LocalTernClient();
  serveCalls({
    addRecords: c.addRecords.bind(c),
    sync: c.sync.bind(c),
    stop: c.stop.bind(c),
  });
} else if (role === 'pouchdb') {
  const c = new LocalPouchClient(JSON.parse(json!) as PouchClientOptions);
  serveCalls({
    load: c.load.bind(c),
    push: c.push.bind(c),
    pull: c.pull.bind(c),
    stop: c.stop.bind(c),
  });
} else {
  throw new Error(`sync-client-worker: unknown role ${role}`);
}
