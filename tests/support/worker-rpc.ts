import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/**
 * A Node process of its own, driven by calls over the IPC channel: benchmarks put the link shaper and
 * each client in a process of their own, so that no two of them share an event loop (a client parsing
 * a large page would otherwise hold up the shaper's timers, and with them the link).
 */
export interface Worker {
  readonly pid: number;
  call<T>(method: string, ...args: unknown[]): Promise<T>;
  /** Close the channel (the worker exits on its own) and wait for the process to end. */
  stop(): Promise<void>;
}

type Request = { id: number; method: string; args: unknown[] };
type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
type Ready = { ready: true };

/** Start `file` (TypeScript, through tsx) as a worker; resolves once it serves calls. */
export async function forkWorker(file: string, args: string[] = []): Promise<Worker> {
  const child: ChildProcess = fork(file, args, {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  // A send to a worker that just died: its calls are failed by the 'exit' handler below.
  child.on('error', () => {});
  const waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  let nextId = 0;
  await new Promise<void>((ok, fail) => {
    const early = () => fail(new Error(`worker ${file} exited before it was ready`));
    child.once('exit', early);
    child.once('message', (m: Ready) => {
      child.off('exit', early);
      if (m.ready) ok();
      else fail(new Error(`worker ${file}: unexpected first message`));
    });
  });
  child.on('message', (m: Reply) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.ok) w.ok(m.result);
    else w.fail(new Error(m.error));
  });
  child.once('exit', (code, signal) => {
    for (const w of waiting.values()) w.fail(new Error(`worker ${file} exited (${code ?? signal})`));
    waiting.clear();
  });
  return {
    pid: child.pid!,
    call<T>(method: string, ...args: unknown[]): Promise<T> {
      if (!child.connected) return Promise.reject(new Error(`worker ${file} is gone (${method})`));
      return new Promise<T>((ok, fail) => {
        const id = ++nextId;
        waiting.set(id, { ok: ok as (v: unknown) => void, fail });
        child.send({ id, method, args } satisfies Request);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** In the worker: answer calls with these handlers; exit when the parent goes away. */
export function serveCalls(handlers: Record<string, (...args: never[]) => unknown>): void {
  if (!process.send) throw new Error('serveCalls: not started by forkWorker (no IPC channel)');
  const send = process.send.bind(process);
  process.on('message', (m: Request) => {
    const handler = handlers[m.method] as ((...args: unknown[]) => unknown) | undefined;
    void (async () => {
      try {
        if (!handler) throw new Error(`no method ${m.method}`);
        send({ id: m.id, ok: true, result: await handler(...m.args) } satisfies Reply);
      } catch (e) {
        send({ id: m.id, ok: false, error: (e as Error).stack ?? String(e) } satisfies Reply);
      }
    })();
  });
  process.once('disconnect', () => process.exit(0));
  send({ ready: true } satisfies Ready);
}
