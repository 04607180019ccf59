import { describe, expect, it } from 'vitest';
import type { THome } from '../../../common/home.schema.js';
import { testAppForFile } from '../../test/harness.js';

const t = testAppForFile();

const BUSINESS_USERS = [
  'leader',
  'office',
  'caseoffice',
  'wenze1',
  'group1',
  'paizhu1',
  'zhujian',
  'zhujian.head',
  'yingji',
  'fuxianzhang',
  'zuzhibu',
  'bianban',
];

async function homeOf(username: string): Promise<THome> {
  const res = await (await t.as(username)).get('/api/home');
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('home (今日工作)', () => {
  it.each(BUSINESS_USERS)('%s: every count equals the list it opens, with the same first rows', async (username) => {
    const client = await t.as(username);
    const home = await homeOf(username);
    for (const s of home.sections) {
      expect(s.count, s.key).toBeGreaterThan(0);
      const list = await client.get(`${s.api}&page=1&pageSize=${s.items.length}`);
      expect(list.statusCode, s.api).toBe(200);
      const body = list.json();
      expect(body.total, `${username} ${s.key}`).toBe(s.count);
      expect(body.items.map((i: { id: string }) => i.id)).toEqual(s.items.map((i) => i.id));
      // The web link carries the same filters as the API list.
      expect(s.path.split('?')[1]).toBe(s.api.split('?')[1]);
    }
  });

  it('gives each role its own work from the demo county', async () => {
    const keys = async (u: string) => (await homeOf(u)).sections.map((s) => s.key);
    const office = await keys('office');
    expect(office).toEqual(expect.arrayContaining(['findings.to_review', 'problems.overdue']));
    expect(office).not.toContain('problems.to_receive');
    const zhujian = await keys('zhujian');
    expect(zhujian).not.toContain('findings.to_review');
    expect(zhujian).not.toContain('problems.close_requested_unit'); // the head's, not the liaison's
    const group1 = await keys('group1');
    expect(group1.some((k) => k.startsWith('tasks.'))).toBe(true);
    // 组织部 reads: no action entries that are not its own.
    const zuzhibu = (await homeOf('zuzhibu')).sections;
    expect(zuzhibu.filter((s) => s.group === 'todo')).toEqual([]);
    expect(zuzhibu.map((s) => s.key)).toContain('influence.current');
  });

  it('scopes the counts: a unit sees its own overdue problems, the office the county', async () => {
    const overdue = async (u: string) => (await homeOf(u)).sections.find((s) => s.key === 'problems.overdue')?.count;
    const county = await overdue('office');
    const unit = await overdue('zhujian');
    expect(county).toBeGreaterThan(0);
    expect(unit ?? 0).toBeLessThan(county as number);
  });

  it('gives administrators (三员分立) no business entries', async () => {
    for (const admin of ['sysadmin', 'secadmin', 'auditadmin']) {
      const home = await homeOf(admin);
      expect(
        home.sections.every((s) => s.key === 'notifications.unread'),
        admin,
      ).toBe(true);
    }
  });

  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
  });
});
