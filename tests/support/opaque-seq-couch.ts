import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { startCouchServer } from '@tern/store/testing';
import type { CouchServer } from '@tern/store/testing';

/**
 * A CouchDB-protocol server whose update sequences look like a CouchDB 3 cluster's: opaque strings
 * (`<n>-g1AAAA<base64url>`), in front of pouchdb-server on loopback. Every `seq`, `last_seq` and
 * `update_seq` it answers is rewritten to such a string, and every `since` it is asked is turned back.
 * The number before the dash is deliberately NOT ordered (as on a cluster, where it is only a sum of
 * shard counts and may go backwards when another node answers): code that compares sequences as
 * numbers goes wrong here. Everything else passes through unchanged.
 */
export interface OpaqueSeqCouch {
  url: string;
  /** Sequences handed out so far (to check they were passed back as they were). */
  handedOut: Set<string>;
  /** `since` values asked that this server never handed out (a client made one up or parsed one). */
  unknownSince: string[];
  stop(): Promise<void>;
}

const encode = (n: number): string =>
  `${(n * 7919 + 13) % 997}-g1AAAA${Buffer.from(JSON.stringify({ seq: n, node: 'couchdb@node1' })).toString('base64url')}`;

function decode(s: string): number | null {
  const m = /^[0-9]+-g1AAAA([A-Za-z0-9_-]+)$/.exec(s);
  if (!m) return null;
  try {
    const v = JSON.parse(Buffer.from(m[1]!, 'base64url').toString()) as { seq?: unknown };
    return typeof v.seq === 'number' ? v.seq : null;
  } catch {
    return null;
  }
}

const SEQ_KEYS = new Set(['seq', 'last_seq', 'update_seq']);

function rewrite(v: unknown, handedOut: Set<string>): unknown {
  if (Array.isArray(v)) return v.map((x) => rewrite(x, handedOut));
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (SEQ_KEYS.has(k) && typeof x === 'number') {
      const s = encode(x);
      handedOut.add(s);
      out[k] = s;
    } else out[k] = k === 'doc' ? x : rewrite(x, handedOut);
  }
  return out;
}

export async function startOpaqueSeqCouch(): Promise<OpaqueSeqCouch> {
  const couch: CouchServer = await startCouchServer();
  const base = couch.url.replace(/\/$/, '');
  const handedOut = new Set<string>();
  const unknownSince: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Uint8Array[] = [];
    req.on('data', (c: Buffer) => chunks.push(new Uint8Array(c)));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://x');
        const since = url.searchParams.get('since');
        if (since !== null && since !== 'now' && since !== '0') {
          const n = decode(since);
          if (n === null) unknownSince.push(since);
          url.searchParams.set('since', String(n ?? since));
        }
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers))
          if (
            typeof v === 'string' &&
            !['host', 'accept-encoding', 'content-length', 'connection'].includes(k)
          )
            headers[k] = v;
        const body = chunks.length > 0 ? new Uint8Array(Buffer.concat(chunks)) : undefined;
        const up = await fetch(`${base}${url.pathname}${url.search}`, {
          method: req.method ?? 'GET',
          headers,
          ...(body && req.method !== 'GET' && req.method !== 'HEAD' ? { body } : {}),
        });
        const type = up.headers.get('content-type') ?? '';
        let out = Buffer.from(await up.arrayBuffer());
        const seqAnswer = url.pathname.endsWith('/_changes') || /^\/[^/_][^/]*\/?$/.test(url.pathname);
        if (seqAnswer && type.includes('json') && out.length > 0) {
          try {
            out = Buffer.from(JSON.stringify(rewrite(JSON.parse(out.toString()), handedOut)));
          } catch {
            // not JSON after all: passed on as it came
          }
        }
        res.writeHead(up.status, { 'content-type': type || 'application/octet-stream' });
        res.end(out);
      })().catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'proxy', reason: String(e) }));
      });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    handedOut,
    unknownSince,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await couch.stop();
    },
  };
}
