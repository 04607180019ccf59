import path from 'node:path';
import { z } from 'zod';

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

const flag = z.enum(['0', '1'], { error: '只能是 0 或 1 / must be 0 or 1' });
const PORT = '必须是 1–65535 之间的整数 / must be an integer from 1 to 65535';

/** Every environment variable the server reads; an empty value counts as unset. */
const ZEnv = z.object({
  PORT: z
    .string()
    .regex(/^\d+$/, PORT)
    .transform(Number)
    .refine((port) => port >= 1 && port <= 65535, PORT)
    .default(3000),
  HOST: z.string().regex(/^\S+$/, '不能含空白 / must not contain spaces').default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      '必须以 postgres:// 或 postgresql:// 开头 / must start with postgres:// or postgresql://',
    )
    .optional(),
  ZELIAN_DEMO: flag.default('1'),
  ZELIAN_ALLOW_CLOCK: flag.default('0'),
  ZELIAN_JOBS: flag.default('1'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error:
        '只能是 fatal、error、warn、info、debug、trace 或 silent / must be fatal, error, warn, info, debug, trace or silent',
    })
    .default('info'),
});

/** A configuration the server cannot start with; the message names each wrong variable, in Chinese and English. */
export class ConfigError extends Error {}

/** Reads and checks the configuration; throws ConfigError naming every variable with a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): Config {
  const given = Object.fromEntries(Object.keys(ZEnv.shape).map((name) => [name, env[name] || undefined]));
  const parsed = ZEnv.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      // The database URL may carry a password: name it, never print it.
      const value = name === 'DATABASE_URL' ? '' : `=${JSON.stringify(env[name])}`;
      return `  ${name}${value}：${issue.message}`;
    });
    throw new ConfigError(`配置有误，程序已停止 / Invalid configuration, stopped:\n${lines.join('\n')}`);
  }
  const vars = parsed.data;
  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir: path.resolve(vars.DATA_DIR),
    databaseUrl: vars.DATABASE_URL,
    demo: vars.ZELIAN_DEMO === '1' && !argv.includes('--no-demo'),
    allowClock: vars.ZELIAN_ALLOW_CLOCK === '1',
    jobs: vars.ZELIAN_JOBS === '1',
    logLevel: vars.LOG_LEVEL,
  };
}

/** The configuration of this process; on a bad value prints what is wrong and exits with code 1. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
