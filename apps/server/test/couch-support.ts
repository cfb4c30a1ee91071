import type { FastifyInstance } from 'fastify';
import { TernStore } from '@tern/store';
import { buildApp } from '../src/app.ts';
import { allowAll } from '../src/auth/authorize.ts';

let n = 0;

/** A fresh in-memory store and app for one CouchDB-door test. */
export async function couchApp(): Promise<{
  store: TernStore;
  app: FastifyInstance;
  close(): Promise<void>;
}> {
  n += 1;
  const store = new TernStore({ kind: 'memory', prefix: `couch-${n}-${Date.now()}` });
  const app = await buildApp({ store, missions: ['demo', 'other'], authorize: allowAll });
  return {
    store,
    app,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** A response body, read loosely: the tests assert it field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CouchJson = any;

/** POST/PUT/GET JSON through inject; returns status and parsed body. */
export async function call(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
): Promise<{ status: number; json: CouchJson }> {
  const res = await app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: res.statusCode, json: res.json() };
}
