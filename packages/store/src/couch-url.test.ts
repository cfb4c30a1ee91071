import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchLocation, couchName, databaseUrl } from './couch-url.ts';
import { isStoreError } from './errors.ts';
import { TernStore } from './tern-store.ts';
import { startCouchServer } from './testing/couch-server.ts';
import type { CouchServer } from './testing/couch-server.ts';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(isStoreError(e, 'TERN_STORE_INVALID')).toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('TERN_STORE_URL: reading the location', () => {
  it('takes credentials from the URL or apart, and keeps them out of the root', () => {
    const a = couchLocation('https://tern:s%40cret@couch.example:6984/couch');
    expect(a).toEqual({
      root: 'https://couch.example:6984/couch/',
      auth: { username: 'tern', password: 's@cret' },
      prefix: 'tern_',
    });
    const b = couchLocation('http://127.0.0.1:5984', { user: 'tern', password: 'pw', prefix: 'hq_' });
    expect(b.root).toBe('http://127.0.0.1:5984/');
    expect(b.auth).toEqual({ username: 'tern', password: 'pw' });
    expect(couchLocation('http://127.0.0.1:5984/').auth).toBeUndefined();
  });

  it('refuses bad input with what is wrong, never repeating a password', () => {
    expect(refusal(() => couchLocation('not a url'))).toMatch(/not a URL/);
    expect(refusal(() => couchLocation('ftp://couch.example/'))).toMatch(/http or https/);
    expect(refusal(() => couchLocation('http://h/?a=1'))).toMatch(/query/);
    const twice = refusal(() => couchLocation('http://u:hunter2@h/', { user: 'v', password: 'x' }));
    expect(twice).toMatch(/given twice/);
    expect(twice).not.toContain('hunter2');
    expect(refusal(() => couchLocation('http://h/', { user: 'v' }))).toMatch(/go together/);
    expect(refusal(() => couchLocation('http://h/', { prefix: 'Tern' }))).toMatch(/not allowed by CouchDB/);
  });

  it("maps Tern's names to CouchDB's: prefixed, checked, escaped in the URL", () => {
    const loc = couchLocation('http://h:5984/', { prefix: 'a/b_' });
    expect(couchName(loc, 'mission-north-2')).toBe('a/b_mission-north-2');
    expect(databaseUrl(loc, 'system')).toBe('http://h:5984/a%2Fb_system');
    expect(refusal(() => couchName(couchLocation('http://h/', { prefix: '' }), '1abc'))).toMatch(/CouchDB/);
    expect(refusal(() => couchName(loc, 'x'.repeat(240)))).toMatch(/CouchDB/);
  });
});

describe('TernStore behind a URL', () => {
  let couch: CouchServer;
  beforeAll(async () => {
    couch = await startCouchServer();
  }, 60_000);
  afterAll(() => couch.stop());

  it('says the store cannot be reached, naming the server without the password, and quickly', async () => {
    const closed = await startCouchServer();
    await closed.stop(); // a port where nothing listens any more
    const store = new TernStore({ kind: 'url', url: `http://tern:hunter2@127.0.0.1:${closed.port}/` });
    expect(store.where()).toBe(`CouchDB at http://127.0.0.1:${closed.port}/ (databases tern_*)`);
    const started = Date.now();
    const err = await store
      .system()
      .list('mission:')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isStoreError(err, 'TERN_STORE_UNAVAILABLE')).toBe(true);
    expect((err as Error).message).toMatch(
      new RegExp(`cannot be reached.*127\\.0\\.0\\.1:${closed.port}.*ECONNREFUSED`),
    );
    expect((err as Error).message).not.toContain('hunter2');
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(store.databases()).rejects.toThrow(/cannot be reached/);
    await store.close();
  });

  it('sends the credentials given apart; without them the server refuses, with them it serves', async () => {
    // pouchdb-server's own admin accounts crash it (express-pouchdb 4.2 on PouchDB 7), so a loopback
    // gate in front of it asks for Basic credentials as a CouchDB with an admin does.
    const want = `Basic ${Buffer.from('tern:s3cret').toString('base64')}`;
    const gate = createServer((req, res) => {
      if (req.headers.authorization !== want) {
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"error":"unauthorized","reason":"Name or password is incorrect."}');
        return;
      }
      const { authorization: _checked, ...headers } = req.headers; // pouchdb-server has no such user
      const up = request(
        { host: '127.0.0.1', port: couch.port, path: req.url, method: req.method, headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      req.pipe(up);
    });
    await new Promise<void>((ok) => gate.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(gate.address() as AddressInfo).port}/`;
    try {
      const anonymous = new TernStore({ kind: 'url', url, prefix: 'auth_' });
      await expect(anonymous.forms().create({ _id: 'form:x' })).rejects.toThrow(
        /unauthorized|Name or password/i,
      );
      await anonymous.close();
      const store = new TernStore({ kind: 'url', url, user: 'tern', password: 's3cret', prefix: 'auth_' });
      await store.forms().create({ _id: 'form:x' });
      expect((await store.forms().get('form:x'))?._id).toBe('form:x');
      expect(await store.databases()).toEqual(['forms']);
      await store.close();
      const inUrl = new TernStore({ kind: 'url', url: url.replace('//', '//tern:s3cret@'), prefix: 'auth_' });
      expect((await inUrl.forms().get('form:x'))?._id).toBe('form:x');
      await inUrl.close();
    } finally {
      gate.close();
      await fetch(`${couch.url}auth_forms`, { method: 'DELETE' });
    }
  });

  it("lists only its own databases: another prefix on the same server is not Tern's", async () => {
    const a = new TernStore({ kind: 'url', url: couch.url, prefix: 'one_' });
    const b = new TernStore({ kind: 'url', url: couch.url, prefix: 'two_' });
    await a.mission('north').writeReplicated([]);
    await a.mission('north').docCount();
    await b.ops('south').create({ _id: 'device:1' });
    expect(await a.databases()).toEqual(['mission-north']);
    expect(await b.databases()).toEqual(['ops-south']);
    await a.close();
    await b.close();
    for (const n of ['one_mission-north', 'two_ops-south'])
      await fetch(`${couch.url}${n}`, { method: 'DELETE' });
  });
});
