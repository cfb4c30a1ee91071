import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startShapedStack } from '../support/shaped-stack.ts';
import type { ShapedStack } from '../support/shaped-stack.ts';

/** A link as fast as loopback but cut-able and countable: the campaign is about faults, not bandwidth. */
const FAST = { name: 'loopback through the shaper', downBps: 200_000_000, upBps: 200_000_000, rttMs: 2 };

/**
 * The campaign's one server process (LevelDB in a temp folder, the demo accounts) behind the link
 * shaper, with the full-disk hook (disk-budget.ts) loaded into it. Kept across runs; each run works in a
 * mission of its own, made through the API.
 */
export class SoakStack {
  private constructor(
    readonly stack: ShapedStack,
    private readonly diskFile: string,
  ) {}

  static async start(): Promise<SoakStack> {
    const hook = join(import.meta.dirname, '../support/disk-budget.ts');
    const diskFile = join(mkdtempSync(join(tmpdir(), 'tern-soak-')), 'disk-budget.json');
    const stack = await startShapedStack(FAST, {
      missions: ['demo'],
      nodeArgs: ['--import', 'tsx', '--import', hook],
      env: { TERN_SOAK_DISK_BUDGET: diskFile },
    });
    return new SoakStack(stack, diskFile);
  }

  get auth() {
    return this.stack.auth;
  }

  /** An admin request straight to the server (not through the shaper). */
  async admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const res = await fetch(`${this.stack.server.url}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...this.stack.auth.headers!(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
  }

  /** Room for `docs` more documents on the "disk", or (null) room enough. */
  setDiskRoom(docs: number | null): void {
    if (docs === null) rmSync(this.diskFile, { force: true });
    else writeFileSync(this.diskFile, JSON.stringify({ docs, at: process.hrtime.bigint().toString() }));
  }

  async close(): Promise<void> {
    this.setDiskRoom(null);
    await this.stack.close();
  }
}
