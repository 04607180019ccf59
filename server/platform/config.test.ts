import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_SM4_KEY, loadConfig } from './config.js';

const errorOf = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env, []);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('has a default for every variable', () => {
    expect(loadConfig({}, [])).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('./data'),
      databaseUrl: undefined,
      demo: true,
      allowClock: false,
      jobs: true,
      sessionCache: true,
      logLevel: 'info',
      audit: {
        key: undefined,
        keyFile: path.resolve('./data-audit/audit.key'),
        keyFileIsDefault: true,
        anchorFile: path.resolve('./data-audit/anchor.jsonl'),
      },
      trustProxy: [],
      workers: 1,
      dbPoolSize: 10,
      dbPoolWaitMs: 30_000,
      // The demo starts without configuration on the documented development key of the complaints.
      sm4Keys: [DEV_SM4_KEY],
      sm4KeySource: 'dev',
    });
  });

  it('reads every variable, and an empty value as unset', () => {
    const env = {
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/zelian',
      DATABASE_URL: 'postgresql://zelian@db:5432/zelian',
      ZELIAN_DEMO: '0',
      ZELIAN_ALLOW_CLOCK: '1',
      ZELIAN_JOBS: '0',
      ZELIAN_SESSION_CACHE: '0',
      LOG_LEVEL: 'warn',
      ZELIAN_AUDIT_KEY: 'ab'.repeat(32),
      ZELIAN_AUDIT_KEY_FILE: '/etc/zelian/audit.key',
      ZELIAN_AUDIT_ANCHOR: '/srv/anchor/zelian.jsonl',
      TRUST_PROXY: '10.0.0.1, 10.1.0.0/16',
      ZELIAN_WORKERS: '4',
      ZELIAN_SM4_KEYS: `k2:${'cd'.repeat(32)}, k1:${'ef'.repeat(32)}`,
    };
    expect(loadConfig(env, [])).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/zelian',
      databaseUrl: 'postgresql://zelian@db:5432/zelian',
      demo: false,
      allowClock: true,
      jobs: false,
      sessionCache: false,
      logLevel: 'warn',
      audit: {
        key: 'ab'.repeat(32),
        keyFile: '/etc/zelian/audit.key',
        keyFileIsDefault: false,
        anchorFile: '/srv/anchor/zelian.jsonl',
      },
      trustProxy: ['10.0.0.1', '10.1.0.0/16'],
      workers: 4,
      dbPoolSize: 10,
      dbPoolWaitMs: 30_000,
      sm4Keys: [
        { id: 'k2', key: Buffer.from('cd'.repeat(32), 'hex') },
        { id: 'k1', key: Buffer.from('ef'.repeat(32), 'hex') },
      ],
      sm4KeySource: 'env',
    });
    // Without the demo and without keys, nothing encrypts: real-name complaints are refused (complaints module).
    expect(loadConfig({ ZELIAN_DEMO: '0' }, [])).toMatchObject({ sm4Keys: [], sm4KeySource: 'none' });
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }, []).databaseUrl).toBeUndefined();
    expect(loadConfig({ PORT: '' }, []).port).toBe(3000);
    // Without ZELIAN_AUDIT_ANCHOR, each PostgreSQL database has its own anchor beside the data directory.
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db.local/zelian' }, []).audit.anchorFile).toBe(
      path.resolve('./data-audit/anchor-db.local-5432-zelian.jsonl'),
    );
  });

  it('trusts a proxy only at the configured addresses (TRUST_PROXY)', () => {
    expect(errorOf({ TRUST_PROXY: 'true' })).toContain('TRUST_PROXY="true"');
    expect(errorOf({ TRUST_PROXY: '10.0.0.0/33' })).toContain('TRUST_PROXY');
    expect(loadConfig({ TRUST_PROXY: '::1' }, []).trustProxy).toEqual(['::1']);
  });

  it('sizes the PostgreSQL pool and the wait for a free connection from DB_POOL_SIZE and DB_POOL_WAIT_MS', () => {
    expect(loadConfig({ DB_POOL_SIZE: '40', DB_POOL_WAIT_MS: '10000' }, [])).toMatchObject({
      dbPoolSize: 40,
      dbPoolWaitMs: 10_000,
    });
    expect(errorOf({ DB_POOL_SIZE: '0' })).toContain('DB_POOL_SIZE="0"');
    expect(errorOf({ DB_POOL_SIZE: 'many' })).toContain('DB_POOL_SIZE="many"');
    expect(errorOf({ DB_POOL_WAIT_MS: '50' })).toContain('DB_POOL_WAIT_MS="50"');
  });

  it('runs 1–64 worker processes or one per CPU (ZELIAN_WORKERS), on PostgreSQL only', () => {
    const pg = { DATABASE_URL: 'postgres://zelian@db/zelian' };
    expect(loadConfig({ ...pg, ZELIAN_WORKERS: '64' }, []).workers).toBe(64);
    expect(loadConfig({ ...pg, ZELIAN_WORKERS: 'auto' }, []).workers).toBe(Math.min(64, os.availableParallelism()));
    expect(loadConfig({ ZELIAN_WORKERS: '1' }, []).workers).toBe(1);
    for (const bad of ['0', '65', 'two', '-1', '1.5', 'AUTO'])
      expect(errorOf({ ...pg, ZELIAN_WORKERS: bad })).toContain(
        `ZELIAN_WORKERS="${bad}"：必须是 1–64 之间的整数，或 auto（每个 CPU 一个进程）/ must be an integer from 1 to 64, or auto`,
      );
    // The embedded database is one process: more than one worker needs DATABASE_URL.
    const message = errorOf({ ZELIAN_WORKERS: '2' });
    expect(message).toContain('ZELIAN_WORKERS="2"');
    expect(message).toContain('多个工作进程需要 PostgreSQL（请设置 DATABASE_URL）');
    expect(message).toContain('PGlite database is opened by one process only');
  });

  it('turns the demo county off with --no-demo', () => {
    expect(loadConfig({}, ['node', 'main.js', '--no-demo']).demo).toBe(false);
  });

  it('names each variable with a bad value, in Chinese and English', () => {
    const message = errorOf({ PORT: 'abc', ZELIAN_JOBS: 'yes', LOG_LEVEL: 'loud' });
    expect(message).toContain('配置有误');
    expect(message).toContain('Invalid configuration');
    expect(message).toContain('PORT="abc"：必须是 1–65535 之间的整数 / must be an integer from 1 to 65535');
    expect(message).toContain('ZELIAN_JOBS="yes"：只能是 0 或 1 / must be 0 or 1');
    expect(message).toContain('LOG_LEVEL="loud"');
    expect(errorOf({ PORT: '70000' })).toContain('PORT="70000"');
    expect(errorOf({ ZELIAN_DEMO: 'false' })).toContain('ZELIAN_DEMO="false"');
    expect(errorOf({ HOST: 'local host' })).toContain('HOST="local host"');
  });

  it('names a bad DATABASE_URL without printing it, since it may hold a password', () => {
    const message = errorOf({ DATABASE_URL: 'mysql://root:secret@db/zelian' });
    expect(message).toContain('DATABASE_URL：必须以 postgres:// 或 postgresql:// 开头');
    expect(message).not.toContain('secret');
  });

  it('names a short audit key without printing it', () => {
    const message = errorOf({ ZELIAN_AUDIT_KEY: 'c0ffee' });
    expect(message).toContain('ZELIAN_AUDIT_KEY：必须是至少 64 位十六进制字符');
    expect(message).not.toContain('c0ffee');
  });
});

describe('server start-up', () => {
  it('stops with exit code 1 and names the variable when PORT is not a number', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: 'abc', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT="abc"：必须是 1–65535 之间的整数 / must be an integer from 1 to 65535');
  }, 90_000);
});
