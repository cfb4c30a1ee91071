import { openCtdcSources } from '@tern/research';
import { LOG_REDACT, buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { checkReadiness } from './health/readiness.ts';
import { backupOnSignal } from './backup/on-signal.ts';
import { researchSecret } from './research/research-secret.ts';
import { openStore } from './open-store.ts';
import { readRelayConfig } from './relay/relay-config.ts';
import { Relay } from './relay/relay.ts';

const config = readConfig();
// Relay mode (docs/operator-guide.md, "A mission relay"): read before the store opens, so a half-set
// relay configuration stops the process at once, in words.
const relayConfig = readRelayConfig(process.env, config.missions);
const store = openStore(config);
// Behind TERN_STORE_URL the store may not answer at all (down, wrong address, a firewall that drops):
// the first read is bounded, and the process says so and exits instead of hanging (decision 171).
await storeAnswers(30_000);
// Imported CTDC datasets (apps/server/src/cli/research-import-ctdc.ts): read-only research sources,
// listed afresh on every request, so an import made while the server runs is seen at once.
const ctdc = await openCtdcSources(config.research.sourcesDir);
const app = await buildApp({
  store,
  missions: config.missions,
  webDist: config.webDist,
  logger: { level: config.logLevel, redact: LOG_REDACT },
  sessionTtlMs: config.sessionTtlMs,
  login: { max: config.loginMaxPerMinute, timeWindowMs: 60_000 },
  cookieSecure: config.cookieSecure,
  trustProxy: config.trustProxy,
  feeds: { perAccount: config.feedsPerAccount, total: config.feedsTotal },
  allowedOrigins: config.allowedOrigins,
  syncConcurrency: config.syncConcurrency,
  research: {
    dbPath: config.research.dbPath,
    secret: researchSecret({ fromEnv: config.research.secret, file: config.research.secretFile }, (msg) =>
      console.log(msg),
    ),
    k: config.research.k,
    queriesPerDay: config.research.queriesPerDay,
    sources: { list: () => Promise.resolve(ctdc.list()), open: (id) => ctdc.open(id) },
    eager: true,
  },
  maxAttachmentBytes: config.maxAttachmentBytes,
  readiness: { dataDir: config.dataDir, minFreeBytes: config.minFreeBytes },
  ...(relayConfig
    ? {
        relay: { status: () => relay!.status(), syncNow: () => relay!.syncNow() },
        relayFiles: {
          atHeadquarters: (m: string, d: string) =>
            relay!.files(m)?.atHeadquarters(d) ?? Promise.resolve(false),
          ask: (m: string, d: string) => relay!.files(m)?.ask(d) ?? Promise.resolve(false),
        },
      }
    : {}),
});
// The relay runs beside the server (relay/relay.ts); its password is only in relayConfig, never logged.
const relay = relayConfig
  ? new Relay(store, { ...relayConfig, maxAttachmentBytes: config.maxAttachmentBytes }, app.log)
  : undefined;
// The startup check of every store (crash-only: a store that cannot be read now will not heal by
// serving; exit and let the supervisor retry). A nearly full disk is only a warning: reads still work.
const missionIds = (await store.system().list<{ _id: string; id: string }>('mission:')).map((m) => m.id);
const startup = await checkReadiness(store, missionIds, {
  dataDir: config.dataDir,
  minFreeBytes: config.minFreeBytes,
  timeoutMs: 30_000,
});
for (const c of startup.checks.filter((c) => !c.ok)) app.log.warn({ check: c }, c.problem ?? c.name);
if (startup.checks.some((c) => !c.ok && c.name !== 'disk')) {
  app.log.fatal('a store cannot be read: not starting (see the warnings above)');
  await store.close();
  process.exit(1);
}
if ((await store.system().list('user:', { limit: 1 })).length === 0) {
  app.log.warn('No accounts yet: create the first admin with apps/server/src/cli/create-admin.ts');
}

async function storeAnswers(ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      store.system().list('mission:', { limit: 1 }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
      }),
    ]);
  } catch (e) {
    // The logger is the app's, not made yet: one line on stderr for the supervisor's journal.
    console.error(`Tern: the store (${store.where()}) cannot be read: ${(e as Error).message}: not starting`);
    await store.close().catch(() => undefined);
    process.exit(1);
  } finally {
    clearTimeout(timer);
  }
}

const shutdown = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await relay?.stop();
  await app.close();
  await ctdc.close();
  await store.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
// A promise nobody awaited that failed (a store call in a fire-and-forget path) is a bug to log, not a
// reason to stop serving every mission: the request it belonged to has already been answered or will
// time out. A thrown exception outside any request is different — the process state is unknown — so it
// is logged as fatal and the process exits for its supervisor to restart it (docs/operator-guide.md).
process.on('unhandledRejection', (err) => app.log.error({ err }, 'unhandled rejection (bug): serving on'));
process.on('uncaughtException', (err) => {
  app.log.fatal({ err }, 'uncaught exception: exiting for the supervisor to restart');
  process.exit(1);
});
process.on('SIGINT', () => void shutdown('SIGINT'));
// The online backup (docs/operator-guide.md, "Backups"): SIGUSR2 writes one under TERN_BACKUP_DIR.
const backup = backupOnSignal(store, config.backupDir, app.log);
process.on('SIGUSR2', () => void backup());

await app.listen({ host: config.host, port: config.port });
app.log.info(
  {
    dataDir: config.dataDir,
    store: store.where(),
    missions: missionIds,
    webDist: config.webDist,
    ...(relayConfig ? { relayOf: relayConfig.upstream, relayAccount: relayConfig.username } : {}),
  },
  'Tern server ready',
);
relay?.start();
