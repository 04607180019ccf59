import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';

// Issue #21: a patrol group records inspections and findings only on the units it covers, or on the
// targets of a task the office assigned to it.

let t: TestApp;
let office: Client;
let group1: Client;
let group1Id: string;
let covered: string;
let uncovered: string;

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  [office, group1] = await Promise.all(['office', 'group1'].map((u) => t.as(u)));
  group1Id = (await group1.get('/api/me')).json().scope.groupIds[0];
  const groups = (await office.get('/api/groups?kind=patrol')).json().items as { id: string; unitIds: string[] }[];
  const mine = groups.find((g) => g.id === group1Id) as { unitIds: string[] };
  covered = mine.unitIds[0];
  uncovered = (
    groups.find((g) => g.id !== group1Id && g.unitIds.some((u) => !mine.unitIds.includes(u))) as {
      unitIds: string[];
    }
  ).unitIds.find((u) => !mine.unitIds.includes(u)) as string;
});
afterAll(() => t.close());

const visit = (unitIds: string[], extra: Record<string, unknown> = {}) => ({
  date: today(),
  place: '现场',
  method: 'daily',
  unitIds,
  notes: '检查',
  ...extra,
});
const finding = (unitId: string, extra: Record<string, unknown> = {}) => ({
  unitId,
  title: '问题',
  description: '问题详情',
  ...extra,
});

describe('patrol unit coverage', () => {
  it('refuses inspections and findings on units the group does not cover', async () => {
    const ins = await group1.post('/api/inspections', visit([uncovered]));
    expect(ins.statusCode).toBe(422);
    expect(ins.json()).toMatchObject({ code: 'UNIT_NOT_COVERED', field: 'unitIds' });
    expect(ins.json().message).toContain('不在本组督导范围内');
    const f = await group1.post('/api/findings', finding(uncovered));
    expect(f.statusCode).toBe(422);
    expect(f.json()).toMatchObject({ code: 'UNIT_NOT_COVERED', field: 'unitId' });
    expect((await group1.post('/api/inspections', visit([covered]))).statusCode).toBe(201);
    expect((await group1.post('/api/findings', finding(covered))).statusCode).toBe(201);
  });

  it('accepts the targets of a task assigned to the group', async () => {
    const task = await office.post('/api/tasks', {
      groupId: group1Id,
      title: '交叉督导',
      targetUnitIds: [uncovered],
      focus: '重点',
      method: 'daily',
      periodStart: day(0),
      periodEnd: day(1),
      deadline: day(5),
      issue: true,
    });
    expect(task.statusCode, task.body).toBe(201);
    const ins = await group1.post('/api/inspections', visit([uncovered], { taskId: task.json().id }));
    expect(ins.statusCode, ins.body).toBe(201);
    const f = await group1.post('/api/findings', finding(uncovered, { taskId: task.json().id }));
    expect(f.statusCode, f.body).toBe(201);
  });
});
