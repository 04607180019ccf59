import path from 'node:path';

/** Process configuration, read once from the environment (SPEC 3a). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  allowClock: boolean;
  /** Run pg-boss workers and cron schedules in this process. */
  jobs: boolean;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.ZELIAN_DEMO !== '0' && !process.argv.includes('--no-demo'),
    allowClock: env.ZELIAN_ALLOW_CLOCK === '1',
    jobs: env.ZELIAN_JOBS !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
