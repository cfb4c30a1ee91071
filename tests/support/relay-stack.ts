import { MemorySyncStorage, fetchRemote, syncOnce } from '@tern/sync';
import { DEMO, startServer } from './server-process.ts';
import type { ServerHandle } from './server-process.ts';
import { bearerToken } from './pouch-client.ts';
import { digestOf, recordBody, ulidFor, wireTriples } from './sync-fixtures.ts';
import type { DocTriple } from './sync-fixtures.ts';

/** The relay account the tests create at headquarters (role `relay`, mission `demo`). */
export const RELAY_ACCOUNT = { username: 'relay-office', password: 'relay-office-pass-0123' } as const;

/** Create the relay account at headquarters, as an admin does (POST /api/users). */
export async function createRelayAccount(hqUrl: string): Promise<void> {
  const admin = await bearerToken(hqUrl, DEMO.admin.username, DEMO.admin.password);
  const res = await fetch(`${hqUrl}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ ...RELAY_ACCOUNT, role: 'relay', missions: ['demo'] }),
  });
  if (res.status !== 201) throw new Error(`relay account: ${res.status} ${await res.text()}`);
}

/** Start a relay process (main.ts in relay mode) with an empty store, pointed at `upstream`. */
export function startRelay(upstream: string, extra: Record<string, string> = {}): Promise<ServerHandle> {
  return startServer({
    seed: false,
    env: {
      TERN_MISSIONS: 'demo',
      TERN_UPSTREAM: upstream,
      TERN_RELAY_USER: RELAY_ACCOUNT.username,
      TERN_RELAY_PASSWORD: RELAY_ACCOUNT.password,
      TERN_RELAY_INTERVAL_S: '1',
      TERN_RELAY_TIMEOUT_S: '60',
      TERN_LOG_LEVEL: 'warn',
      ...extra,
    },
  });
}

/** Log in at `url`, retrying while the account is not there yet (a relay mirrors accounts on its first pass). */
export async function loginWhenKnown(
  url: string,
  username: string,
  password: string,
  ms = 90_000,
): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await bearerToken(url, username, password);
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** One tablet: the project's own device replicator on an in-memory store, through the compact door. */
export class Tablet {
  readonly storage = new MemorySyncStorage();
  constructor(
    readonly id: string,
    private readonly run: number,
  ) {}

  async write(count: number, from = 0, author: string = DEMO.interviewer.username): Promise<void> {
    for (let i = from; i < from + count; i++)
      await this.storage.save(`sub:${ulidFor(this.run, i)}`, {
        ...recordBody('demo', i, 600, this.run),
        device: this.id,
        createdBy: author,
      });
  }

  async sync(url: string, token: string): Promise<void> {
    const remote = fetchRemote(`${url}/api/sync/demo`, {
      headers: () => ({ authorization: `Bearer ${token}` }),
    });
    await syncOnce(this.storage, remote, { device: this.id, pullLimit: 200 });
  }

  triples(): DocTriple[] {
    return [...this.storage.docs.values()].map((d) => ({ _id: d.id, _rev: d.rev, body: d.body }));
  }
}

/** Every winning revision of mission `demo` at a Tern server, read through its CouchDB door. */
export async function doorTriples(url: string, token: string): Promise<DocTriple[]> {
  const res = await fetch(`${url}/couch/demo/_changes?include_docs=true`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`_changes at ${url}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { results: Array<{ doc: Record<string, unknown> }> };
  return wireTriples(body.results.map((r) => r.doc));
}

/** Leaves (every branch, deletions too) as sorted `id rev` lines, read through a CouchDB door. */
export async function doorLeaves(url: string, token: string): Promise<string[]> {
  const res = await fetch(`${url}/couch/demo/_changes?style=all_docs`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { results: Array<{ id: string; changes: Array<{ rev: string }> }> };
  return body.results.flatMap((c) => c.changes.map((x) => `${c.id} ${x.rev}`)).sort();
}

export const digest = digestOf;

export interface RelayStatusBody {
  lastContact: string | null;
  lastComplete: string | null;
  error: string | null;
  missions: Array<{
    mission: string;
    pendingUp: number | null;
    pendingDown: number | null;
    refused: unknown[];
  }>;
}

/** Ask the relay for a pass now (as its data officer) and return the status it ends with. */
export async function relaySyncNow(relayUrl: string, token: string): Promise<RelayStatusBody> {
  const res = await fetch(`${relayUrl}/api/relay/sync`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`relay sync: ${res.status} ${await res.text()}`);
  return (await res.json()) as RelayStatusBody;
}

/** Passes until the relay reports a complete exchange with nothing pending, within `ms`. */
export async function relayCaughtUp(relayUrl: string, token: string, ms: number): Promise<RelayStatusBody> {
  const deadline = Date.now() + ms;
  let last: RelayStatusBody | null = null;
  while (Date.now() < deadline) {
    last = await relaySyncNow(relayUrl, token);
    const m = last.missions[0];
    if (last.error === null && m && m.pendingUp === 0 && m.pendingDown === 0) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the relay did not catch up within ${ms} ms: ${JSON.stringify(last)}`);
}

/** A form with a photo question, published at headquarters by its admin (JSON definition). */
export const PHOTO_FORM = {
  id: 'visit',
  version: '1',
  title: { en: 'Visit' },
  defaultLanguage: 'en',
  children: [
    { type: 'text', name: 'place', label: { en: 'Place' } },
    { type: 'media', name: 'door', label: { en: 'Photo of the door' }, accept: 'image' },
  ],
} as const;

export async function publishPhotoForm(hqUrl: string): Promise<void> {
  const admin = await bearerToken(hqUrl, DEMO.admin.username, DEMO.admin.password);
  const res = await fetch(`${hqUrl}/api/admin/forms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify(PHOTO_FORM),
  });
  if (res.status !== 201) throw new Error(`publish form: ${res.status} ${await res.text()}`);
}

/**
 * A file of a media answer sent as a tablet sends it (apps/web/src/sync/upload-attachments.ts): ask
 * where the server's bytes end, then `PUT` chunks with `Content-Range` from there. Returns the last
 * status the server gave (`complete`, `atHeadquarters`).
 */
export async function uploadFile(
  url: string,
  token: string,
  record: string,
  bytes: Uint8Array<ArrayBuffer>,
  digestHex: string,
  chunk = 256 * 1024,
): Promise<{ received: number; complete: boolean; atHeadquarters?: boolean }> {
  const base = `${url}/api/missions/demo/attachments/${digestHex}`;
  const auth = { authorization: `Bearer ${token}` };
  let st = (await (await fetch(`${base}/status`, { headers: auth })).json()) as {
    received: number;
    complete: boolean;
    atHeadquarters?: boolean;
  };
  for (let rounds = Math.ceil(bytes.length / chunk) + 2; !st.complete && rounds > 0; rounds--) {
    const body = bytes.subarray(st.received, Math.min(st.received + chunk, bytes.length));
    const res = await fetch(`${base}?record=${encodeURIComponent(record)}`, {
      method: 'PUT',
      headers: {
        ...auth,
        'content-type': 'application/octet-stream',
        'content-range': `bytes ${st.received}-${st.received + body.length - 1}/${bytes.length}`,
      },
      body,
    });
    if (!res.ok) throw new Error(`upload at ${url}: ${res.status} ${await res.text()}`);
    st = (await res.json()) as typeof st;
  }
  return st;
}

/** The whole file as a data officer's device reads it (`GET …/attachments/:digest`): status and bytes. */
export async function readFile(
  url: string,
  token: string,
  digestHex: string,
): Promise<{ status: number; bytes: Uint8Array; code?: string }> {
  const res = await fetch(`${url}/api/missions/demo/attachments/${digestHex}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (res.ok) return { status: res.status, bytes };
  const body = JSON.parse(new TextDecoder().decode(bytes)) as { code?: string };
  return { status: res.status, bytes, ...(body.code ? { code: body.code } : {}) };
}
