import { resolve } from 'node:path';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  webDist: string;
  missions: string[];
  logLevel: string;
}

/** Read configuration from the environment; every variable is listed in docs/operator-guide.md. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.TERN_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`TERN_PORT must be a port number, got ${env.TERN_PORT}`);
  return {
    host: env.TERN_HOST ?? '127.0.0.1',
    port,
    dataDir: resolve(env.TERN_DATA_DIR ?? '.tern-data'),
    webDist: resolve(env.TERN_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    missions: (env.TERN_MISSIONS ?? 'demo')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean),
    logLevel: env.TERN_LOG_LEVEL ?? 'info',
  };
}
