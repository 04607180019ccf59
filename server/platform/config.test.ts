import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

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
      logLevel: 'info',
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
      LOG_LEVEL: 'warn',
    };
    expect(loadConfig(env, [])).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/zelian',
      databaseUrl: 'postgresql://zelian@db:5432/zelian',
      demo: false,
      allowClock: true,
      jobs: false,
      logLevel: 'warn',
    });
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }, []).databaseUrl).toBeUndefined();
    expect(loadConfig({ PORT: '' }, []).port).toBe(3000);
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
