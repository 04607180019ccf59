import { describe, expect, it } from 'vitest';
import { type Client, testAppForFile } from '../../test/harness.js';

/** Saved views of a list (issue #20): per account, so they follow the user to any browser; only the owner's. */

const t = testAppForFile();
const office = t.client('office');
const leader = t.client('leader');

const save = (c: Client, label: string, search = 'overdue=true', list = 'problems') =>
  c.post('/api/me/views', { list, label, search });
const labels = async (c: Client, list = 'problems') =>
  ((await c.get(`/api/me/views?list=${list}`)).json().items as { label: string }[]).map((v) => v.label);

describe('saved views', () => {
  it('keeps a user’s views of a list in the order saved, and shows them to nobody else', async () => {
    const first = await save(office, '我的待办', 'overdue=true&state=rectifying');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      list: 'problems',
      label: '我的待办',
      search: 'overdue=true&state=rectifying',
    });
    expect((await save(office, '本单位逾期')).statusCode).toBe(201);
    expect((await save(office, '待办', '', 'talks')).statusCode).toBe(201);
    expect(await labels(office)).toEqual(['我的待办', '本单位逾期']);
    expect(await labels(office, 'talks')).toEqual(['待办']);
    expect(await labels(leader)).toEqual([]);
    // The same name is the leader's own to use.
    expect((await save(leader, '我的待办')).statusCode).toBe(201);
  });

  it('refuses a name used already, a thirteenth view, and bad input, in Chinese and naming the field', async () => {
    const again = await save(office, '我的待办');
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'VIEW_EXISTS', field: 'label', message: '已有名为「我的待办」的视图' });
    for (let i = 3; i <= 12; i++) expect((await save(office, `视图${i}`)).statusCode).toBe(201);
    const full = await save(office, '第十三个');
    expect(full.statusCode).toBe(422);
    expect(full.json().message).toContain('最多保存 12 个视图');
    const long = await save(leader, '名'.repeat(21));
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toContain('视图名称不能超过20个字');
    expect((await save(leader, '  ')).statusCode).toBe(400);
    expect((await leader.get('/api/me/views?list=Problems;drop')).statusCode).toBe(400);
  });

  it('deletes only the owner’s view; another user’s answers 404 and stays', async () => {
    const [mine] = (await office.get('/api/me/views?list=problems')).json().items;
    const theirs = await leader.delete(`/api/me/views/${mine.id}`);
    expect(theirs.statusCode).toBe(404);
    expect(await labels(office)).toContain(mine.label);
    expect((await office.delete(`/api/me/views/${mine.id}`)).statusCode).toBe(204);
    expect(await labels(office)).not.toContain(mine.label);
    expect((await office.delete(`/api/me/views/${mine.id}`)).statusCode).toBe(404);
  });
});
