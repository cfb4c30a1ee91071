import fc from 'fast-check';
import type { WireDoc } from '@tern/sync';
import { materializeDoc } from './doc-recipes.ts';
import type { DocRecipe, Target, World } from './doc-recipes.ts';
import { isPlainObject, toJsonText } from './hostile-values.ts';

/** Who sends a request (accounts made by fuzz-world.ts). */
// `relay`: a mission relay's account (decision 194), the permitted caller that carries others' writes.
export const CALLERS = ['anonymous', 'interviewer', 'field-other', 'data_officer', 'admin', 'relay'] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * The device named in generated sync bodies; each caller sends it as its own registered device
 * (`deviceOf`), so a server that binds devices to accounts sees a device it knows, and what is fuzzed
 * is the documents, not the binding.
 */
export const DEVICE = 'dev-hostile';
const CALLER_DEVICE_DIGITS: Record<Caller, string> = {
  anonymous: '00',
  interviewer: '01',
  'field-other': '02',
  data_officer: '03',
  admin: '04',
  relay: '05',
};
export const deviceOf = (c: Caller): string => `dev-01JH0ST1LE00000000000000${CALLER_DEVICE_DIGITS[c]}`;

/** A pushed document inside a generated body, made concrete when the request is sent. */
export class DocRef {
  constructor(readonly recipe: DocRecipe) {}
  [fc.toStringMethod](): string {
    return `Doc(${fc.stringify(this.recipe)})`;
  }
}

/** A URL parameter naming a seeded document, resolved when sent. */
export class TargetId {
  constructor(readonly target: Exclude<Target, 'new'>) {}
  [fc.toStringMethod](): string {
    return `TargetId(${this.target})`;
  }
}

export type Body = { json: unknown } | { raw: string } | { none: true };

/** One generated request, as data: what fast-check prints and shrinks. */
export interface RequestRecipe {
  route: string;
  caller: Caller;
  params: Record<string, string | TargetId>;
  /** Query as key/values, or a raw query string (malformed ones included). */
  query: Record<string, string> | string;
  body: Body;
  /** `null`: no content-type header; `undefined`: application/json when there is a body. */
  contentType?: string | null;
  headers: Record<string, string>;
}

/** A request ready for `inject()` or `fetch()`, and what the oracles need to know about it. */
export interface ConcreteRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** The mission named in the URL, if any. */
  mission?: string;
  /** The documents pushed (by DocRef), in body order. */
  docs: WireDoc[];
  /** `new_edits` of a `_bulk_docs` body (true when absent). */
  newEdits: boolean;
}

export async function materializeRequest(
  r: RequestRecipe,
  world: World,
  token: (c: Caller) => string | null,
): Promise<ConcreteRequest> {
  const [method, path] = r.route.split(' ') as [string, string];
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.params))
    params[k] = v instanceof TargetId ? world.target(v.target).id : v;
  const mission = params.mission ?? params.db;
  const url =
    path.replace(/:([a-zA-Z]+)|\*/g, (m, name?: string) =>
      name === undefined ? (params['*'] ?? '') : encodeURIComponent(params[name] ?? ''),
    ) + queryString(r.query);

  const docs: WireDoc[] = [];
  let newEdits = true;
  let payload: string | undefined;
  if ('json' in r.body) {
    const resolve = async (v: unknown): Promise<unknown> => {
      if (v instanceof DocRef) {
        const d = await materializeDoc(v.recipe, mission ?? 'demo', world);
        docs.push(d);
        return d;
      }
      if (Array.isArray(v)) {
        const out: unknown[] = [];
        for (const x of v) out.push(await resolve(x));
        return out;
      }
      if (v === DEVICE) return deviceOf(r.caller);
      if (isPlainObject(v)) {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) out[k] = await resolve(x);
        return out;
      }
      return v;
    };
    const value = await resolve(r.body.json);
    if (value && typeof value === 'object' && (value as { new_edits?: unknown }).new_edits === false)
      newEdits = false;
    payload = toJsonText(value);
  } else if ('raw' in r.body) payload = r.body.raw;

  const headers: Record<string, string> = { ...r.headers };
  const t = token(r.caller);
  if (t) headers.authorization = `Bearer ${t}`;
  if (r.contentType !== null && payload !== undefined)
    headers['content-type'] = r.contentType ?? 'application/json';
  return {
    method,
    url,
    headers,
    ...(payload !== undefined ? { payload } : {}),
    ...(mission ? { mission } : {}),
    docs,
    newEdits,
  };
}

function queryString(q: RequestRecipe['query']): string {
  if (typeof q === 'string') return q === '' ? '' : `?${q}`;
  const entries = Object.entries(q).filter(([, v]) => v !== undefined);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}

/** A short description of a concrete request for failure messages (no bodies: they can be megabytes). */
export function describe(req: ConcreteRequest, caller: Caller): string {
  const size = req.payload === undefined ? 'no body' : `${req.payload.length} B body`;
  const docs = req.docs
    .map((d) => `${d._id.slice(0, 40)} ${d._rev}${d._deleted ? ' deleted' : ''}`)
    .join('; ');
  return `${caller}: ${req.method} ${req.url.slice(0, 200)} (${size}${docs ? `; docs: ${docs}` : ''})`;
}
