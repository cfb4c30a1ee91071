import { expect } from 'vitest';
import type { PushResult, WireDoc } from '@tern/sync';
import { bearer, testApp } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/**
 * A mission `demo` with an interviewer, a data officer and an admin, driven as issue 11's attacker
 * drove it: raw bodies, sent as the mission's own members.
 */
export interface Hostile {
  t: TestApp;
  interviewer: string;
  officer: string;
  admin: string;
}

export async function hostileApp(): Promise<Hostile> {
  const t = await testApp(['interviewer', 'data_officer', 'admin']);
  return {
    t,
    interviewer: await t.login('interviewer'),
    officer: await t.login('data_officer'),
    admin: await t.login('admin'),
  };
}

/** JSON text nested `depth` levels deep, built as text: a value this deep breaks recursive encoders. */
export function deepJson(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** A document as JSON text with one extra field whose value is raw JSON text. */
export function withRawField(doc: WireDoc, field: string, rawJson: string): string {
  const text = JSON.stringify(doc);
  return `${text.slice(0, -1)},${JSON.stringify(field)}:${rawJson}}`;
}

/** A compact-sync request whose docs are given as JSON texts. */
export function syncBody(docs: string[], since: string | null = null): string {
  return `{"protocol":1,"device":"dev-hostile","docs":[${docs.join(',')}],"since":${JSON.stringify(since)},"pullLimit":10}`;
}

export async function pushRaw(
  h: Hostile,
  token: string,
  body: string,
): Promise<{ status: number; results: PushResult[]; json: Record<string, unknown> }> {
  const res = await h.t.app.inject({
    method: 'POST',
    url: '/api/sync/demo',
    headers: { ...bearer(token).headers, 'content-type': 'application/json' },
    payload: body,
  });
  const json = res.json() as Record<string, unknown>;
  return { status: res.statusCode, results: (json.results as PushResult[]) ?? [], json };
}

export async function push(h: Hostile, token: string, docs: WireDoc[]): Promise<PushResult[]> {
  const r = await pushRaw(h, token, syncBody(docs.map((d) => JSON.stringify(d))));
  expect(r.status).toBe(200);
  return r.results;
}

export async function bulkDocs(
  h: Hostile,
  token: string,
  body: string,
): Promise<{ status: number; json: unknown }> {
  const res = await h.t.app.inject({
    method: 'POST',
    url: '/couch/demo/_bulk_docs',
    headers: { ...bearer(token).headers, 'content-type': 'application/json' },
    payload: body,
  });
  return { status: res.statusCode, json: res.json() };
}

/** The server still answers: the request did not take it down. */
export async function expectAlive(h: Hostile): Promise<void> {
  const res = await h.t.app.inject({ method: 'GET', url: '/api/health' });
  expect(res.statusCode).toBe(200);
}
