import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BenchDatabase, createBenchDatabase } from '../bench/lib/pg.js';
import { browserSession } from './browser';
import { ROOT } from './server-harness';

/**
 * Issue #13: the forms word the rules as the version in force says. The province's operators open a 省级规则管理员
 * (a server-side tool, so this file runs on PostgreSQL: the tool and the server share the database), who revises the
 * wording of 第七条第（九）项 through the API; a case officer's 问责立项 form shows the new wording at once.
 */
const PG = process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let db: BenchDatabase | undefined;
const app = browserSession({
  env: async () => {
    db = await createBenchDatabase(PG, 'bench_e2e_rules');
    return { DATABASE_URL: db.url, ZELIAN_JOBS: '0' };
  },
});
afterAll(() => db?.drop());

/** A signed-in API session of the product, as a script would hold it (cookie and CSRF token). */
async function apiSession(username: string, password: string) {
  const login = await fetch(app.url('/api/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const me = await (await fetch(app.url('/api/me'), { headers: { cookie } })).json();
  return (method: string, url: string, body?: unknown) =>
    fetch(app.url(url), {
      method,
      headers: { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

describe('rule versions reach the forms', () => {
  it('省级规则管理员 revises a situation’s wording; the case form offers the new wording', async () => {
    const out = execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/province-admin.ts', '--username', 'shengguize'],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: db?.url, DATA_DIR: app.dataDir() }, encoding: 'utf8' },
    );
    const once = /一次性密码：(\S+)/.exec(out)?.[1] ?? '';
    expect(once).not.toBe('');
    const first = await apiSession('shengguize', once);
    expect(
      (await first('POST', '/api/me/password', { oldPassword: once, newPassword: 'Shengji#2026-gz' })).status,
    ).toBe(200);
    const province = await apiSession('shengguize', 'Shengji#2026-gz');
    const set = await (await province('GET', '/api/rules/situations')).json();
    const wording = '履行管理、监督职责不力（省级修订措辞）';
    const published = await province('POST', '/api/rules/situations/versions', {
      basedOn: set.latestOwn,
      effectiveFrom: today(),
      source: '《中国共产党问责条例》（省级实施办法修订）',
      reason: '按省级实施办法统一措辞',
      content: {
        items: set.inForce.content.items.map((i: { key: string }) => (i.key === '9' ? { ...i, text: wording } : i)),
      },
    });
    expect(published.status, await published.clone().text()).toBe(201);

    const page = await app.signIn('wenze1');
    await page.goto(app.url('/cases/new'));
    await page.getByLabel(/问责情形/).click();
    await page.getByText(`第七条第（九）项：${wording}`).waitFor();
    await page.context().close();
  });
});

function today() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
