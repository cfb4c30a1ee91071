import type { FastifyBaseLogger } from 'fastify';
import type { ServerStore } from '@tern/store';
import { mirrorAccounts } from './account-mirror.ts';
import { mirrorForms } from './form-mirror.ts';
import { FileReplicator } from './file-replicator.ts';
import type { FileCounts } from './file-replicator.ts';
import { MissionReplicator } from './mission-replicator.ts';
import type { RefusedRevision } from './refused-revisions.ts';
import { Upstream, UpstreamError } from './upstream.ts';
import type { RelayConfig } from './relay-config.ts';

/** What the status page shows for one mission (relay/status-route.ts). */
export interface MissionStatus {
  mission: string;
  /** Local changes not yet at headquarters (upper bound), and headquarters' not yet here (null: unknown). */
  pendingUp: number | null;
  pendingDown: number | null;
  pushedTotal: number;
  pulledTotal: number;
  /**
   * Revisions headquarters refused and the relay keeps retrying (decision 209), the 50 refused most
   * recently; `refusedTotal` counts them all. Ids, revs, headquarters' words, tries and times only.
   */
  refused: RefusedShown[];
  refusedTotal: number;
  /**
   * Files of media answers (decisions 229–230): waiting to go up, to come down, still on tablets, not
   * looked at yet, and those whose last try failed with the words why. Null before the first look.
   */
  files: FileCounts | null;
  filesUpTotal: number;
  filesDownTotal: number;
}

/** A refused revision as the status shows it (never the record's content). */
export interface RefusedShown {
  id: string;
  rev: string;
  reason: string;
  code: string | null;
  attempts: number;
  firstAt: string;
  lastAt: string;
  nextAt: string;
}

const shown = (n: RefusedRevision): RefusedShown => ({
  id: n.id,
  rev: n.rev,
  reason: n.reason,
  code: n.code,
  attempts: n.attempts,
  firstAt: n.firstAt,
  lastAt: n.lastAt,
  nextAt: n.nextAt,
});

export interface RelayStatus {
  upstream: string;
  relayAccount: string;
  /** Last time headquarters answered (ISO), or null: never since the relay started. */
  lastContact: string | null;
  /** Last pass that went through for every mission (ISO), or null. */
  lastComplete: string | null;
  /** The last failure in plain words, or null when the last pass went through. */
  error: string | null;
  errorAt: string | null;
  accountsMirrored: number;
  missions: MissionStatus[];
}

/**
 * The mission relay (decisions 194–198): while the link is up, mirror the field accounts and forms,
 * then replicate each mission, again every `intervalMs`; when a pass fails (no link, headquarters
 * down), wait with backoff (doubling up to `maxBackoffMs`) and try again. Everything it has is on
 * its status page; nothing it does needs headquarters to be reachable for the office to keep working.
 */
export class Relay {
  private readonly up: Upstream;
  private readonly replicators: MissionReplicator[];
  private readonly fileReplicators: FileReplicator[];
  private readonly state: RelayStatus;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly store: ServerStore,
    private readonly config: RelayConfig,
    private readonly log: FastifyBaseLogger,
  ) {
    this.up = new Upstream({
      url: config.upstream,
      username: config.username,
      password: config.password,
      timeoutMs: config.requestTimeoutMs,
    });
    this.replicators = config.missions.map(
      (m) =>
        new MissionReplicator(store, this.up, m, config.username, config.pageSize, config.refusedRetryMs),
    );
    this.fileReplicators = config.missions.map(
      (m) =>
        new FileReplicator(store, this.up, m, {
          budgetBytes: config.filesBudgetBytes,
          maxBytes: config.maxAttachmentBytes ?? 10 * 1024 * 1024,
          retryMs: config.refusedRetryMs,
        }),
    );
    this.state = {
      upstream: this.up.url,
      relayAccount: config.username,
      lastContact: null,
      lastComplete: null,
      error: null,
      errorAt: null,
      accountsMirrored: 0,
      missions: config.missions.map((mission) => ({
        mission,
        pendingUp: null,
        pendingDown: null,
        pushedTotal: 0,
        pulledTotal: 0,
        refused: [],
        refusedTotal: 0,
        files: null,
        filesUpTotal: 0,
        filesDownTotal: 0,
      })),
    };
  }

  /** The files of one relayed mission (the attachment routes ask it); undefined for another mission. */
  files(mission: string): FileReplicator | undefined {
    return this.fileReplicators.find((f) => f.mission === mission);
  }

  status(): RelayStatus {
    return structuredClone(this.state);
  }

  start(): void {
    // Refusals noted before a restart are on the page from the start, not only after a pass.
    void this.showRefused().catch(() => undefined);
    this.schedule(0);
  }

  private async showRefused(): Promise<void> {
    for (const [i, r] of this.replicators.entries()) {
      const notes = (await r.refusedNotes.all()).sort((a, b) => a.lastAt.localeCompare(b.lastAt));
      const s = this.state.missions[i]!;
      s.refused = notes.slice(-50).map(shown);
      s.refusedTotal = notes.length;
      s.files = await this.fileReplicators[i]!.counts();
    }
  }

  /** Run one pass now (tests, and a data officer's "sync now"); waits for a pass already running. */
  async syncNow(): Promise<RelayStatus> {
    // One pass at a time: a caller that waited for one starts the next only if nobody else did.
    while (this.running) await this.running;
    this.running = this.pass().finally(() => (this.running = null));
    await this.running;
    return this.status();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow().then(() => {
        const backoff = Math.min(this.config.maxBackoffMs, this.config.intervalMs * 2 ** this.failures);
        this.schedule(this.failures === 0 ? this.config.intervalMs : backoff);
      });
    }, ms);
  }

  private async pass(): Promise<void> {
    const at = () => new Date().toISOString();
    try {
      const mirrored = await mirrorAccounts(this.store, this.up, this.config.missions);
      this.state.lastContact = at();
      this.state.accountsMirrored = mirrored.listed;
      await mirrorForms(this.store, this.up);
      for (const [i, r] of this.replicators.entries()) {
        const s = this.state.missions[i]!;
        const report = await r.pass();
        this.state.lastContact = at();
        s.pushedTotal += report.pushed;
        s.pulledTotal += report.pulled;
        for (const f of report.refused)
          this.log.warn({ mission: r.mission, id: f.id, rev: f.rev }, `headquarters refused: ${f.reason}`);
        s.pendingUp = await r.pendingUp();
        s.pendingDown = await r.pendingDown();
        if (report.retried > 0)
          this.log.info(
            { mission: r.mission, retried: report.retried },
            'headquarters took refused records on a retry',
          );
        if (report.pushed + report.pulled > 0)
          this.log.info({ mission: r.mission, pushed: report.pushed, pulled: report.pulled }, 'relay pass');
      }
      // Files after every mission's records: records are small and matter first on a slow link;
      // files take what is left of the pass, within the budget (decision 230).
      for (const [i, f] of this.fileReplicators.entries()) {
        const s = this.state.missions[i]!;
        const files = await f.pass();
        this.state.lastContact = at();
        s.filesUpTotal += files.up;
        s.filesDownTotal += files.down;
        if (files.up + files.down > 0) this.log.info({ mission: f.mission, ...files }, 'relay files moved');
      }
      await this.showRefused();
      this.state.lastComplete = at();
      this.state.error = null;
      this.state.errorAt = null;
      this.failures = 0;
    } catch (e) {
      this.failures = Math.min(this.failures + 1, 16);
      this.state.error = plainWords(e, this.up.url);
      this.state.errorAt = at();
      for (const [i, r] of this.replicators.entries())
        this.state.missions[i]!.pendingUp = await r.pendingUp().catch(() => null);
      await this.showRefused().catch(() => undefined);
      this.log.warn({ upstream: this.up.url }, `relay: ${this.state.error}`);
    }
  }
}

/** A failure as a data officer reads it: what happened and what it means, no stack. */
function plainWords(e: unknown, url: string): string {
  if (e instanceof UpstreamError) return e.message;
  const err = e as { name?: string; message?: string; cause?: { code?: string } };
  const code = err.cause?.code ?? '';
  if (err.name === 'TimeoutError' || err.name === 'AbortError')
    return `Headquarters (${url}) did not answer in time: the link is slow or down. Work stays here and is sent when it answers.`;
  if (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ENOTFOUND',
      'EAI_AGAIN',
      'EHOSTUNREACH',
      'ENETUNREACH',
      'UND_ERR_SOCKET',
    ].includes(code) ||
    err.message === 'fetch failed'
  )
    return `Headquarters (${url}) cannot be reached (${code || 'no connection'}): the link is down. Work stays here and is sent when it is back.`;
  return `Replication stopped: ${err.message ?? String(e)}. It is tried again automatically.`;
}
