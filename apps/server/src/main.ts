import { TernStore } from '@tern/store';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';

const config = readConfig();
const store = new TernStore({ kind: 'leveldb', dataDir: config.dataDir });
const app = await buildApp({
  store,
  missions: config.missions,
  webDist: config.webDist,
  logger: { level: config.logLevel },
});

const shutdown = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await store.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ host: config.host, port: config.port });
app.log.info(
  { dataDir: config.dataDir, missions: config.missions, webDist: config.webDist },
  'Tern server ready',
);
