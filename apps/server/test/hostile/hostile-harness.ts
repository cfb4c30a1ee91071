import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { TernStore } from '@tern/store';
import { within } from './answer-within.ts';
import { CrashWatch } from './crash-watch.ts';
import { FuzzWorld, MISSIONS } from './fuzz-world.ts';
import { acknowledged, recordViolations, snapshot } from './oracles.ts';
import { describe, materializeRequest } from './request-recipe.ts';
import type { RequestRecipe } from './request-recipe.ts';

/** Longest a request may take in process before it counts as "never answered" (a hung or dead app). */
const ANSWER_MS = 5_000;
/** Routes whose runs can end the fixture sessions or change the fixture accounts. */
const ACCOUNT_ROUTES = /^(POST \/api\/auth\/(logout|password)|PATCH \/api\/users|POST \/api\/users)/;
/** The only `_` fields a Tern document may carry (docs/errors.md, TERN_DOC_RESERVED_FIELD). */
const ALLOWED_SPECIAL = new Set(['_id', '_rev', '_revisions', '_deleted']);
const COUCH_SPECIAL = new Set([...ALLOWED_SPECIAL, '_attachments']);
/** A checkpoint this server can have given (memory and LevelDB update sequences are integers). */
/** `<epoch>@<seq>`: the mission database's epoch and one of its update sequences (decision 152). */
const SERVER_SEQ = /^[A-Za-z0-9_-]{16}@[0-9]+$/;

/**
 * The one explained 5xx: the readiness probe's 503 naming what is wrong (decision 153). A store that
 * takes over 2 s to answer is "not ready", which a starved volume run on a loaded machine sees.
 */
function notReady(route: string, status: number, body: string): boolean {
  if (status !== 503 || !/^(GET|HEAD) \/api\/ready$/.test(route)) return false;
  if (route.startsWith('HEAD')) return true;
  try {
    const b = JSON.parse(body) as { status?: unknown; problems?: unknown };
    return b.status === 'not ready' && Array.isArray(b.problems) && b.problems.length > 0;
  } catch {
    return false;
  }
}

/**
 * Sends one generated request to the in-process app and checks every oracle of docs/decisions/095:
 * an answer within ANSWER_MS, no uncaught exception, status < 500, `/api/health` 200 afterwards, and the
 * record oracles (oracles.ts). A violation throws, with the concrete request in the message. After a
 * crash-class violation the app is rebuilt for the next run, so fast-check shrinks against a live app.
 */
export class HostileHarness {
  private current: FuzzWorld | null = null;
  /**
   * `makeStore`: the store each world is built on (memory unless given). `answerMs`: how long a request
   * may take before it counts as never answered (the volume run on a loaded machine gives more).
   */
  constructor(
    private readonly makeStore?: () => TernStore,
    private readonly answerMs = ANSWER_MS,
    /**
     * Requests one world (app and store) serves before the next request gets a fresh one. The volume
     * run bounds the store, and the digest the oracles keep of it, this way: without it, 100,000 hostile
     * requests grow both by what they were allowed to write, and the judge, not the server, fills memory.
     * A leak in the process (module state, caches) still shows across worlds. Unbounded by default.
     */
    private readonly worldRequests = Infinity,
    /** Called after a world closed because it served its `worldRequests` (the volume run's memory trace). */
    private readonly onWorldDone?: (worlds: number) => void,
  ) {}
  private readonly crashes = new CrashWatch();
  requests = 0;
  /** Worlds built so far (the first included). */
  worlds = 0;
  private inWorld = 0;

  async start(): Promise<void> {
    this.crashes.start();
    await this.world();
  }

  async stop(): Promise<void> {
    await this.current?.close();
    this.crashes.stop();
  }

  private async world(): Promise<FuzzWorld> {
    if (this.current && this.inWorld >= this.worldRequests) {
      await this.dead();
      this.onWorldDone?.(this.worlds);
    }
    if (!this.current) {
      this.current = await FuzzWorld.create(this.makeStore);
      this.worlds += 1;
      this.inWorld = 0;
    }
    return this.current;
  }

  /** Close the current world: the next request gets a fresh one (the volume run starts each family so). */
  async renew(): Promise<void> {
    await this.dead();
  }

  private async dead(): Promise<void> {
    const w = this.current;
    this.current = null;
    await w?.close();
  }

  async check(r: RequestRecipe): Promise<void> {
    const w = await this.world();
    await w.refreshTargets();
    await w.digest.refresh(MISSIONS);
    const before = snapshot(w.digest.digest);
    const req = await materializeRequest(r, w, (c) => w.token(c));
    const what = describe(req, r.caller);
    const mark = this.crashes.seen.length;
    this.requests += 1;
    this.inWorld += 1;
    const res = await within(
      w.app.inject({
        method: req.method as 'GET',
        url: req.url,
        headers: req.headers,
        ...(req.payload !== undefined ? { payload: req.payload } : {}),
      }),
      this.answerMs,
    );
    const crashed = this.crashes.since(mark);
    if (res === 'timeout' || crashed.length) {
      await this.dead();
      throw new Error(
        `${what}\n  → ${res === 'timeout' ? `no answer in ${this.answerMs} ms` : `answered ${res.statusCode}`}` +
          (crashed.length ? `; uncaught: ${crashed.join(' | ').slice(0, 300)}` : ''),
      );
    }
    const excerpt = res.body.slice(0, 300);
    if (res.statusCode >= 500 && !notReady(r.route, res.statusCode, res.body)) {
      await this.dead();
      throw new Error(`${what}\n  → ${res.statusCode} ${excerpt}`);
    }

    const health = await within(w.app.inject({ method: 'GET', url: '/api/health' }), this.answerMs);
    if (health === 'timeout' || health.statusCode !== 200) {
      await this.dead();
      throw new Error(
        `${what}\n  → ${res.statusCode}, then /api/health ${health === 'timeout' ? 'did not answer' : health.statusCode}`,
      );
    }

    let body: unknown = null;
    const parsesAsJson = /json/.test(String(res.headers['content-type'] ?? ''));
    if (parsesAsJson && req.method !== 'HEAD' && res.body !== '') {
      // A compressed answer (the caller sent `accept-encoding`) is read as the client would: inflated.
      const encoding = String(res.headers['content-encoding'] ?? '');
      const raw = new Uint8Array(res.rawPayload);
      const text =
        encoding === 'gzip'
          ? gunzipSync(raw).toString('utf8')
          : encoding === 'br'
            ? brotliDecompressSync(raw).toString('utf8')
            : encoding === 'deflate'
              ? inflateSync(raw).toString('utf8')
              : res.body;
      try {
        body = JSON.parse(text);
      } catch {
        await this.dead();
        throw new Error(
          `${what}\n  → ${res.statusCode} with a JSON body cut short (a failure mid-response): …${res.body.slice(-200)}`,
        );
      }
    }
    const problems: string[] = [];
    if (r.route === 'POST /api/sync/:mission' && res.statusCode === 200) {
      const checkpoint = (body as { checkpoint?: unknown } | null)?.checkpoint;
      if (typeof checkpoint !== 'string' || !SERVER_SEQ.test(checkpoint))
        problems.push(
          `answered checkpoint ${JSON.stringify(checkpoint)}, which is not an update sequence of this server`,
        );
    }
    const changed = await w.digest.refresh(MISSIONS);
    const acks = acknowledged(r.route, req, res.statusCode, body);
    problems.push(
      ...recordViolations({
        caller: r.caller,
        role: w.role(r.caller),
        before,
        after: w.digest.digest,
        changed,
        acks,
        creators: w.creators,
      }),
    );
    // A document with a reserved `_` field (TERN_DOC_RESERVED_FIELD) is refused, never stored.
    // The compact door answers one result per document, in order, so a copy is judged by its own
    // answer (two copies of one revision may differ: one clean and stored, one refused).
    const positional =
      r.route === 'POST /api/sync/:mission'
        ? ((body as { results?: Array<{ ok?: unknown }> } | null)?.results ?? null)
        : null;
    // The CouchDB door takes `_attachments` off and checks its files (decision 168): not reserved there.
    const allowed = r.route.startsWith('POST /couch/') ? COUCH_SPECIAL : ALLOWED_SPECIAL;
    req.docs.forEach((d, i) => {
      const reserved = Object.keys(d).find((k) => k.startsWith('_') && !allowed.has(k));
      if (!reserved) return;
      const stored = positional
        ? positional[i]?.ok === true
        : acks.some((a) => a.id === d._id && (a.rev === d._rev || a.rev === '*'));
      if (stored)
        problems.push(`stored ${d._id} ${d._rev} although it carries the reserved field ${reserved}`);
    });
    for (const a of acks)
      if (!w.creators.has(`${a.mission} ${a.id}`)) w.creators.set(`${a.mission} ${a.id}`, r.caller);
    if (ACCOUNT_ROUTES.test(r.route)) await w.restoreSessions();
    if (problems.length) {
      // The store now holds what the violation wrote: start the next run (and every shrink step) afresh.
      await this.dead();
      throw new Error(`${what}\n  → ${res.statusCode} ${excerpt}\n  ${problems.join('\n  ')}`);
    }
  }
}
