import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDate } from '../../platform/calendar/working-days.js';
import { systemCtx } from '../../platform/context.js';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { createProvinceAdmin } from '../identity/identity.service.js';

/**
 * Issue #13: the national rule sets change only at province level — through the API, by a 省级规则管理员 that the
 * province's operators open (`npm run province-admin`) and that sees nothing but the rules.
 */
let t: TestApp;
let province: Client;
let provinceId: string;

beforeAll(async () => {
  t = await createTestApp();
  const made = await createProvinceAdmin(systemCtx(t.database.db, t.clock), {
    username: 'shengguize',
    displayName: '省纪委规则管理员',
  });
  provinceId = made.id;
  const first = await t.as('shengguize', made.password);
  // The one-time password opens nothing but the password change.
  expect((await first.get('/api/rules')).json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
  const changed = await first.post('/api/me/password', { oldPassword: made.password, newPassword: 'Shengji#2026-gz' });
  expect(changed.statusCode, changed.body).toBe(200);
  province = await t.as('shengguize', 'Shengji#2026-gz');
});
afterAll(() => t.close());

describe('province-level rule publishing through the API', () => {
  it('publishes a national set for every county; a county still may not', async () => {
    const me = (await province.get('/api/me')).json();
    expect(me.scope.regionId).toBeNull();
    expect(me.permissions).toEqual(['rules:read', 'rules:write']);

    const set = (await province.get('/api/rules/situations')).json();
    expect(set).toMatchObject({ canPublish: true, latestOwn: 1, inForce: { scope: '', scopeName: '省级默认' } });
    const items = set.inForce.content.items as { key: string; text: string; source: string }[];
    const today = isoDate(t.clock.now());
    const revised = items.map((i) => (i.key === '9' ? { ...i, text: '履行管理、监督职责不力（省级修订措辞）' } : i));
    const body = {
      basedOn: 1,
      effectiveFrom: today,
      source: '《中国共产党问责条例》（省级实施办法修订）',
      reason: '按省级实施办法统一措辞',
      content: { items: revised },
    };
    const published = await province.post('/api/rules/situations/versions', body);
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json().inForce).toMatchObject({ scope: '', version: 2, publishedByName: '省纪委规则管理员' });
    // A second publish based on the same version is stale.
    expect((await province.post('/api/rules/situations/versions', body)).statusCode).toBe(409);

    // Every county reads it at once; the county's own administrator still cannot change a national set.
    const sysadmin = await t.as('sysadmin');
    const county = (await sysadmin.get('/api/rules/situations')).json();
    expect(county.inForce).toMatchObject({ scope: '', version: 2 });
    expect(county.canPublish).toBe(false);
    const refused = await sysadmin.post('/api/rules/situations/versions', { ...body, basedOn: 2 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('RULE_NOT_LOCAL');
    const audit = await t.database.query<{ entity_id: string; actor_user_id: string }>(
      "SELECT entity_id, actor_user_id FROM audit_events WHERE type = 'rules.published'",
    );
    expect(audit.rows).toEqual([{ entity_id: 'situations:province:2', actor_user_id: provinceId }]);
  });

  it('sees nothing but the rules: every other read answers 403', async () => {
    const anonymous = t.anonymous;
    const reads = t.app.apiRoutes.filter((r) => r.startsWith('GET ') && !r.includes(':'));
    expect(reads.length).toBeGreaterThan(60);
    const opened: string[] = [];
    for (const route of reads) {
      // The live stream carries the caller's own messages only; once=1 ends it after the greeting.
      const url = route.endsWith('/stream') ? `${route.slice(4)}?once=1` : route.slice(4);
      const res = await province.get(url);
      if (res.statusCode < 400 && (await anonymous.get(url)).statusCode >= 400) opened.push(url);
    }
    // What every account has of its own: itself, its messages, the calendar banner and a home with no sections.
    const own = [
      '/api/me',
      '/api/notifications',
      '/api/notifications/export.xlsx',
      '/api/notifications/unread-count',
      '/api/notifications/stream?once=1',
    ];
    const rules = ['/api/rules', '/api/rules/export.xlsx'];
    expect(opened.sort()).toEqual([...own, ...rules, '/api/calendar/status', '/api/home'].sort());
    expect((await province.get('/api/home')).json().sections).toEqual([]);
  }, 120_000);

  it('is opened by the province only: a county cannot see, change or grant it', async () => {
    const secadmin = await t.as('secadmin');
    const listed = (await secadmin.get('/api/users?q=shengguize')).json();
    expect(listed.total).toBe(0);
    const sysadmin = await t.as('sysadmin');
    expect((await sysadmin.post(`/api/users/${provinceId}/reset-password`, {})).statusCode).toBe(404);
    expect((await sysadmin.patch(`/api/users/${provinceId}`, { version: 1, disabled: true })).statusCode).toBe(404);
    const zhujian = (await secadmin.get('/api/users?q=zhujian')).json().items[0];
    const grant = await secadmin.request({
      method: 'PUT',
      url: `/api/users/${zhujian.id}/roles`,
      payload: { version: zhujian.version, roles: [{ role: 'province_admin' }] },
    });
    expect(grant.statusCode, grant.body).toBe(403);
    expect(grant.json().message).toContain('省级角色');
  });
});
