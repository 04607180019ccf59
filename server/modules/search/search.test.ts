import { describe, expect, it } from 'vitest';
import type { TSearchResult } from '../../../common/search.schema.js';
import { testAppForFile } from '../../test/harness.js';

const t = testAppForFile();

async function searchAs(username: string, q: string): Promise<TSearchResult> {
  const res = await (await t.as(username)).get(`/api/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}
const kinds = (r: TSearchResult) => r.groups.map((g) => g.kind);

describe('global search', () => {
  it('finds problems, units and people for the office, each hit linked and the group linked to its list', async () => {
    const r = await searchAs('office', '住建');
    expect(kinds(r)).toEqual(expect.arrayContaining(['problem', 'unit']));
    const problems = r.groups.find((g) => g.kind === 'problem');
    expect(problems?.label).toBe('问题');
    expect(problems?.items.length).toBeLessThanOrEqual(5);
    expect(problems?.total).toBeGreaterThanOrEqual(problems?.items.length ?? 0);
    expect(problems?.more).toBe(`/problems?q=${encodeURIComponent('住建')}`);
    for (const hit of problems?.items ?? []) expect(hit.link).toBe(`/problems/${hit.id}`);
    const unit = r.groups.find((g) => g.kind === 'unit')?.items[0];
    expect(unit?.link).toBe(`/org?unit=${unit?.id}`);
  });

  it('answers each kind within the caller’s scope: a unit sees its own problems, no findings, no cases', async () => {
    const office = await searchAs('office', '县应急管理局');
    const unitsProblems = office.groups.find((g) => g.kind === 'problem')?.total ?? 0;
    const zhujian = await searchAs('zhujian', '县应急管理局');
    // 住建局's liaison: 应急局's problems are not theirs.
    expect(unitsProblems).toBeGreaterThan(0);
    expect(zhujian.groups.find((g) => g.kind === 'problem')).toBeUndefined();
    const own = await searchAs('zhujian', '住建');
    expect(kinds(own)).not.toContain('finding');
    expect(kinds(own)).not.toContain('case');
    const problems = (await (await t.as('zhujian')).get('/api/problems?q=住建&pageSize=100')).json();
    expect(own.groups.find((g) => g.kind === 'problem')?.total ?? 0).toBe(problems.total);
  });

  it('gives the audit administrator no business records at all', async () => {
    expect((await searchAs('auditadmin', '住建')).groups).toEqual([]);
  });

  it('refuses an empty or over-long query in Chinese', async () => {
    const c = await t.as('office');
    const empty = await c.get('/api/search?q=%20');
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('请输入要搜索的内容');
    expect((await c.get(`/api/search?q=${'廉'.repeat(51)}`)).statusCode).toBe(400);
  });
});
