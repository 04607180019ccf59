import net from 'node:net';
import os from 'node:os';
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
  /** Cache what authentication reads per session in this process (platform/auth/session-cache.ts). */
  sessionCache: boolean;
  logLevel: string;
  /**
   * Processes that serve requests (ZELIAN_WORKERS; `auto` = one per CPU): 1 = this process alone, N > 1 = a primary
   * forking N workers with node:cluster (platform/cluster.ts). PostgreSQL only.
   */
  workers: number;
  /** PostgreSQL connections this process keeps open at most, per pool (two pools per process: db/client.ts). */
  dbPoolSize: number;
  /** How long a request waits for a free PostgreSQL connection before it fails. */
  dbPoolWaitMs: number;
  /** Addresses (IPs or CIDRs) of reverse proxies whose X-Forwarded-For is believed; empty = none. */
  trustProxy: string[];
  /** The audit chain's HMAC key and its external anchor, both kept outside the database (platform/audit). */
  audit: AuditConfig;
  /** SM4 keys of the complaints' sensitive fields (ZELIAN_SM4_KEYS); the first encrypts, all decrypt. */
  sm4Keys: Sm4Key[];
  /** `dev`: no key configured and the demo is on, so the documented development key is used. */
  sm4KeySource: 'env' | 'dev' | 'none';
}

export interface Sm4Key {
  id: string;
  /** 32 bytes: 16 for SM4, 16 for the HMAC-SM3 of encrypt-then-MAC. */
  key: Buffer;
}

/**
 * The development key of the demo (documented in README and docs/decisions): used only when ZELIAN_DEMO=1 and
 * no ZELIAN_SM4_KEYS is set, so a demo starts without configuration. Never use it for real data.
 */
export const DEV_SM4_KEY: Sm4Key = {
  id: 'dev',
  key: Buffer.from('7a656c69616e2d64656d6f2d736d342d6b65792d6e6f742d666f722d75736521', 'hex'),
};

/** `id:hex,id:hex`: key ids of letters, digits, - and _; each key 64 hex digits (32 bytes). */
export const ZSm4Keys = z
  .string()
  .transform((v) => v.split(',').map((e) => e.trim()))
  .refine(
    (list) => list.every((e) => /^[A-Za-z0-9_-]{1,20}:[0-9a-fA-F]{64}$/.test(e)),
    '格式应为 编号:64位十六进制密钥，多个以逗号分隔，第一个用于加密 / must be id:64-hex-key[,id:key…], the first encrypts',
  )
  .refine(
    (list) => new Set(list.map((e) => e.split(':')[0])).size === list.length,
    '密钥编号不能重复 / key ids must be unique',
  );

export interface AuditConfig {
  /** ZELIAN_AUDIT_KEY: the key itself (hex), instead of a key file. */
  key: string | undefined;
  /** ZELIAN_AUDIT_KEY_FILE, default `<DATA_DIR>-audit/audit.key` (generated on first start when it is the default). */
  keyFile: string;
  keyFileIsDefault: boolean;
  /** ZELIAN_AUDIT_ANCHOR, default `<DATA_DIR>-audit/anchor.jsonl`: signed checkpoints of the chain head. */
  anchorFile: string;
}

const flag = z.enum(['0', '1'], { error: '只能是 0 或 1 / must be 0 or 1' });
/** A whole number from `min` to `max`, with the message naming the range in Chinese and English. */
const intIn = (min: number, max: number, fallback: number) => {
  const message = `必须是 ${min}–${max} 之间的整数 / must be an integer from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message)
    .default(fallback);
};
const WORKERS =
  '必须是 1–64 之间的整数，或 auto（每个 CPU 一个进程）/ must be an integer from 1 to 64, or auto (one per CPU)';
const PORT = '必须是 1–65535 之间的整数 / must be an integer from 1 to 65535';

/** The audit chain's key, in ZELIAN_AUDIT_KEY or in the key file: at least 32 bytes, as hex. */
export const ZAuditKey = z
  .string()
  .regex(/^[0-9a-fA-F]{64,}$/, '必须是至少 64 位十六进制字符（32 字节）/ must be at least 64 hex digits (32 bytes)');
/** `10.0.0.1` or `10.0.0.0/8` (IPv4 or IPv6). */
function isAddressOrCidr(entry: string): boolean {
  const [ip, bits, extra] = entry.split('/');
  const family = net.isIP(ip ?? '');
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

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
  ZELIAN_SESSION_CACHE: flag.default('1'),
  TRUST_PROXY: z
    .string()
    .transform((v) => v.split(',').map((a) => a.trim()))
    .refine(
      (list) => list.every(isAddressOrCidr),
      '必须是以逗号分隔的代理 IP 地址或网段，如 10.0.0.1,10.1.0.0/16 / must be comma-separated proxy IPs or CIDRs',
    )
    .optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error:
        '只能是 fatal、error、warn、info、debug、trace 或 silent / must be fatal, error, warn, info, debug, trace or silent',
    })
    .default('info'),
  ZELIAN_AUDIT_KEY: ZAuditKey.optional(),
  ZELIAN_AUDIT_KEY_FILE: z.string().optional(),
  ZELIAN_AUDIT_ANCHOR: z.string().optional(),
  ZELIAN_WORKERS: z
    .string()
    .regex(/^(\d+|auto)$/, WORKERS)
    .transform((v) => (v === 'auto' ? Math.min(64, os.availableParallelism()) : Number(v)))
    .refine((n) => n >= 1 && n <= 64, WORKERS)
    .default(1),
  DB_POOL_SIZE: intIn(1, 1000, 10),
  DB_POOL_WAIT_MS: intIn(100, 600_000, 30_000),
  ZELIAN_SM4_KEYS: ZSm4Keys.optional(),
});

const SECRET_VARS = new Set(['DATABASE_URL', 'ZELIAN_AUDIT_KEY', 'ZELIAN_SM4_KEYS']);

/** A configuration the server cannot start with; the message names each wrong variable, in Chinese and English. */
export class ConfigError extends Error {}

/** The default anchor file: one per database, so that two PostgreSQL databases never share one. */
function anchorName(databaseUrl: string | undefined): string {
  if (!databaseUrl) return 'anchor.jsonl';
  if (!URL.canParse(databaseUrl)) return 'anchor-postgres.jsonl';
  const url = new URL(databaseUrl);
  const name = `${url.hostname}-${url.port || '5432'}-${url.pathname.slice(1) || url.username}`;
  return `anchor-${name.replace(/[^\w.-]/g, '_')}.jsonl`;
}

/** Reads and checks the configuration; throws ConfigError naming every variable with a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): Config {
  const given = Object.fromEntries(Object.keys(ZEnv.shape).map((name) => [name, env[name] || undefined]));
  const parsed = ZEnv.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      // The database URL may carry a password and the audit key is a secret: name them, never print them.
      const value = SECRET_VARS.has(name) ? '' : `=${JSON.stringify(env[name])}`;
      return `  ${name}${value}：${issue.message}`;
    });
    throw new ConfigError(`配置有误，程序已停止 / Invalid configuration, stopped:\n${lines.join('\n')}`);
  }
  const vars = parsed.data;
  if (vars.ZELIAN_WORKERS > 1 && !vars.DATABASE_URL) {
    throw new ConfigError(
      `配置有误，程序已停止 / Invalid configuration, stopped:\n  ZELIAN_WORKERS=${JSON.stringify(env.ZELIAN_WORKERS)}` +
        `（${vars.ZELIAN_WORKERS} 个进程）：多个工作进程需要 PostgreSQL（请设置 DATABASE_URL）；内置数据库 PGlite 只能由一个进程打开` +
        ` / ${vars.ZELIAN_WORKERS} worker processes need PostgreSQL (set DATABASE_URL): the embedded PGlite database` +
        ' is opened by one process only',
    );
  }
  const dataDir = path.resolve(vars.DATA_DIR);
  // Outside the data directory, so that a copy of the data (or of the database) carries neither key nor anchor.
  const auditDir = `${dataDir}-audit`;
  const demo = vars.ZELIAN_DEMO === '1' && !argv.includes('--no-demo');
  const sm4Keys = (vars.ZELIAN_SM4_KEYS ?? []).map((e) => {
    const [id, hex] = e.split(':') as [string, string];
    return { id, key: Buffer.from(hex, 'hex') };
  });
  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir,
    databaseUrl: vars.DATABASE_URL,
    demo,
    allowClock: vars.ZELIAN_ALLOW_CLOCK === '1',
    jobs: vars.ZELIAN_JOBS === '1',
    sessionCache: vars.ZELIAN_SESSION_CACHE === '1',
    logLevel: vars.LOG_LEVEL,
    audit: {
      key: vars.ZELIAN_AUDIT_KEY,
      keyFile: path.resolve(vars.ZELIAN_AUDIT_KEY_FILE ?? path.join(auditDir, 'audit.key')),
      keyFileIsDefault: vars.ZELIAN_AUDIT_KEY_FILE === undefined,
      anchorFile: path.resolve(vars.ZELIAN_AUDIT_ANCHOR ?? path.join(auditDir, anchorName(vars.DATABASE_URL))),
    },
    trustProxy: vars.TRUST_PROXY ?? [],
    workers: vars.ZELIAN_WORKERS,
    dbPoolSize: vars.DB_POOL_SIZE,
    dbPoolWaitMs: vars.DB_POOL_WAIT_MS,
    sm4Keys: sm4Keys.length > 0 ? sm4Keys : demo ? [DEV_SM4_KEY] : [],
    sm4KeySource: sm4Keys.length > 0 ? 'env' : demo ? 'dev' : 'none',
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
