import { strFromU8, unzipSync } from 'fflate';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/db/platform.tables.js';
import { notifications } from '../notifications/notifications.tables.js';
import { type Client, type TestApp, createTestApp, unitByCode } from '../../test/harness.js';
import { multipartFile, readWorkbook, TINY_PNG } from '../../test/xlsx.js';

let t: TestApp;
let office: Client;
let leader: Client;
let group1: Client;
let group2: Client;
let zhujian: Client;
let yingji: Client;
let zjj: string;
let yjj: string;
let group1Id: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const unitId = async (code: string) => (await unitByCode(office, code)).id as string;
/** The text of a .docx body, runs joined. */
const docText = (buf: Buffer) => strFromU8(unzipSync(new Uint8Array(buf))['word/document.xml']).replace(/<[^>]+>/g, '');

beforeAll(async () => {
  t = await createTestApp();
  [office, leader, group1, group2, zhujian, yingji] = await Promise.all(
    ['office', 'leader', 'group1', 'group2', 'zhujian', 'yingji'].map((u) => t.as(u)),
  );
  zjj = await unitId('ZJJ');
  yjj = await unitId('YJJ');
  group1Id = (await group1.get('/api/me')).json().scope.groupIds[0];
});
afterAll(() => t.close());

async function newTask(extra: Record<string, unknown> = {}) {
  const res = await office.post('/api/tasks', {
    groupId: group1Id,
    title: '安全生产专项督查',
    targetUnitIds: [zjj],
    projects: ['城北棚户区改造项目'],
    focus: '在建工地安全防护措施落实情况',
    method: 'unannounced',
    periodStart: day(0),
    periodEnd: day(14),
    deadline: day(20),
    requirements: '发现问题及时报告',
    issue: true,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** An issued task of `c`'s group targeting 住建局, so that the group may record on it (issue #21). */
const tasksFor = new Map<Client, Promise<string>>();
function taskFor(c: Client) {
  if (!tasksFor.has(c)) {
    tasksFor.set(
      c,
      (async () => {
        const groupId = (await c.get('/api/me')).json().scope.groupIds[0];
        return (await newTask({ groupId, title: '督导任务' })).id as string;
      })(),
    );
  }
  return tasksFor.get(c) as Promise<string>;
}

async function newFinding(c: Client, body: Record<string, unknown> = {}) {
  const res = await c.post('/api/findings', {
    ...(body.inspectionId || body.taskId ? {} : { taskId: await taskFor(c) }),
    unitId: zjj,
    title: '在建工地脚手架未设置连墙件',
    description: '暗访发现城北棚户区改造项目脚手架未按规定设置连墙件，存在坍塌隐患',
    suggestion: '责令立即整改，逐项复查脚手架搭设',
    category: '安全生产',
    severity: 'serious',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const fire = async (c: Client, url: string, body: Record<string, unknown>) => {
  const current = (await office.get(url)).json();
  return c.post(`${url}/events`, { version: current.version, ...body });
};

describe('task assignment sheets', () => {
  it('are issued to one group, which alone sees them (group isolation), with the .docx sheet', async () => {
    const task = await newTask();
    expect(task).toMatchObject({ state: 'issued', groupName: '第一督导巡查组', methodLabel: '暗访（四不两直）' });
    expect(task.code).toMatch(/^督交〔\d{4}〕\d+号$/);

    expect((await group1.get(`/api/tasks/${task.id}`)).statusCode).toBe(200);
    expect((await group2.get(`/api/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await group2.get(`/api/tasks/${task.id}/documents/assignment.docx`)).statusCode).toBe(404);
    expect((await zhujian.get(`/api/tasks/${task.id}`)).statusCode).toBe(404);
    const g2 = (await group2.get('/api/tasks?pageSize=200')).json();
    expect(g2.items.map((x: { id: string }) => x.id)).not.toContain(task.id);
    expect(g2.items.every((x: { groupName: string }) => x.groupName === '第二督导巡查组')).toBe(true);
    expect((await zhujian.get('/api/tasks')).json()).toEqual({ items: [], total: 0 });

    const doc = await group1.get(`/api/tasks/${task.id}/documents/assignment.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-disposition']).toContain(encodeURIComponent('督导巡查工作任务交办单'));
    const text = docText(doc.rawPayload);
    // Issued: numbered by the document registry (issue #13), no longer the task's code.
    expect(text).toMatch(/示督办任〔20\d\d〕[1-9]\d*号/);
    for (const s of [
      '督导巡查工作任务交办单',
      '第一督导巡查组',
      '安全生产专项督查',
      '城北棚户区改造项目',
      '县住建局',
      '暗访（四不两直）',
      '在建工地安全防护措施落实情况',
    ]) {
      expect(text).toContain(s);
    }

    // The group reports; the office completes; the office cannot report for the group.
    expect((await fire(office, `/api/tasks/${task.id}`, { type: 'report', report: 'x' })).statusCode).toBe(403);
    expect((await fire(group1, `/api/tasks/${task.id}`, { type: 'report' })).json().code).toBe('REPORT_REQUIRED');
    const reported = await fire(group1, `/api/tasks/${task.id}`, { type: 'report', report: '督导发现问题2条' });
    expect(reported.json()).toMatchObject({ state: 'reported', actions: [] });
    expect((await fire(group1, `/api/tasks/${task.id}`, { type: 'complete' })).statusCode).toBe(403);
    const done = await fire(office, `/api/tasks/${task.id}`, { type: 'complete' });
    expect(done.json()).toMatchObject({ state: 'completed', stateLabel: '已办结' });
    expect(done.json().events.map((e: { type: string }) => e.type)).toEqual(['issue', 'report', 'complete']);
    const stale = await office.post(`/api/tasks/${task.id}/events`, { type: 'cancel', version: 1, comment: 'x' });
    expect(stale.statusCode).toBe(422);
  });

  it('validate their input with Chinese messages', async () => {
    const res = await office.post('/api/tasks', {
      groupId: group1Id,
      title: ' ',
      focus: '重点',
      method: 'walk',
      periodStart: day(0),
      periodEnd: day(-1),
      deadline: day(5),
    });
    expect(res.statusCode).toBe(400);
    const messages = res.json().fields.map((f: { message: string }) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining(['请填写任务名称', expect.stringContaining('督导方式应为：日常督导')]),
    );
    const noTarget = await office.post('/api/tasks', {
      groupId: group1Id,
      title: '任务',
      focus: '重点',
      method: 'daily',
      periodStart: day(0),
      periodEnd: day(1),
      deadline: day(5),
    });
    expect(noTarget.json()).toMatchObject({ message: '请至少选择一个督导对象（单位或项目）', field: 'targetUnitIds' });
    const past = await newTaskBody({ deadline: day(-3), periodStart: day(-5) });
    expect(past.json()).toMatchObject({ code: 'TASK_DEADLINE_PAST', message: '完成时限不能早于今天' });
    const badDate = await group1.post('/api/inspections', {
      date: day(2),
      place: '县住建局',
      method: 'daily',
      unitIds: [zjj],
      notes: '检查',
    });
    expect(badDate.json()).toMatchObject({ code: 'INSPECTION_DATE_FUTURE', message: '督导日期不能晚于今天' });
    // Without a task, a group records on the units it covers (issue #21).
    const covered = (await office.get(`/api/groups/${group1Id}`)).json().unitIds[0];
    const visit = {
      date: day(0),
      place: '县住建局窗口',
      method: 'unannounced',
      unitIds: [covered],
      notes: '暗访窗口服务',
    };
    const key = { 'idempotency-key': `patrol-${Date.now()}` };
    const first = await group1.post('/api/inspections', visit, key);
    const again = await group1.post('/api/inspections', visit, key);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json().id).toBe(first.json().id);
    const noNotes = await group1.post('/api/inspections', {
      date: day(0),
      place: '现场',
      method: 'daily',
      unitIds: [zjj],
    });
    expect(noNotes.json().message).toBe('请填写督导情况');
  });
});

async function newTaskBody(extra: Record<string, unknown>) {
  return office.post('/api/tasks', {
    groupId: group1Id,
    title: '任务',
    targetUnitIds: [zjj],
    focus: '重点',
    method: 'daily',
    periodStart: day(0),
    periodEnd: day(1),
    deadline: day(5),
    ...extra,
  });
}

describe('inspections and findings', () => {
  it('keep findings from the inspected unit until the office dispatches them (independence rule)', async () => {
    const task = await newTask();
    const before = (await group1.get('/api/patrol/performance')).json().items[0];
    const ins = await group1.post('/api/inspections', {
      taskId: task.id,
      date: day(0),
      place: '城北棚户区改造项目工地',
      method: 'unannounced',
      unitIds: [zjj],
      project: '城北棚户区改造项目',
      peopleMet: '项目经理、安全员',
      notes: '现场查看脚手架搭设和安全防护',
    });
    expect(ins.statusCode, ins.body).toBe(201);
    expect((await group1.get(`/api/tasks/${task.id}`)).json().state).toBe('in_progress');
    const photo = await multipartFile(TINY_PNG, '现场.png');
    const up = await group1.request({ method: 'POST', url: `/api/inspections/${ins.json().id}/files`, ...photo });
    expect(up.statusCode).toBe(201);
    expect((await group2.get(`/api/inspections/${ins.json().id}`)).statusCode).toBe(404);

    const finding = await newFinding(group1, { inspectionId: ins.json().id });
    // The group was told of the task, the office of the finding; the unit of nothing.
    const told = async (c: Client, kind: string, id: string) => {
      const userId = (await c.get('/api/me')).json().user.id;
      const rows = await t.database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
      return rows.filter((r) => r.link?.endsWith(id)).length;
    };
    expect(await told(group1, 'patrol.task_issued', task.id)).toBe(1);
    expect(await told(office, 'patrol.finding_submitted', finding.id)).toBe(1);
    expect(await told(zhujian, 'patrol.finding_submitted', finding.id)).toBe(0);
    expect(finding).toMatchObject({ state: 'submitted', taskId: task.id, groupName: '第一督导巡查组', actions: [] });
    // The inspected unit's liaison: no finding, no trace in its lists.
    expect((await zhujian.get(`/api/findings/${finding.id}`)).statusCode).toBe(404);
    expect((await zhujian.get('/api/findings')).json().total).toBe(0);
    expect((await group2.get(`/api/findings/${finding.id}`)).statusCode).toBe(404);
    expect((await group1.post(`/api/findings/${finding.id}/events`, { type: 'dispatch', version: 1 })).statusCode).toBe(
      403,
    );

    const after = (await group1.get('/api/patrol/performance')).json().items[0];
    expect(after.inspections).toBe(before.inspections + 1);
    expect(after.findings).toBe(before.findings + 1);

    const office1 = (await office.get(`/api/findings/${finding.id}`)).json();
    expect(office1.actions).toEqual(['merge', 'dispatch', 'escalate', 'close']);
    const noDeadline = await fire(office, `/api/findings/${finding.id}`, { type: 'dispatch' });
    expect(noDeadline.json()).toMatchObject({ code: 'DEADLINE_REQUIRED', message: '请填写整改时限' });
    const dispatched = await fire(office, `/api/findings/${finding.id}`, { type: 'dispatch', deadline: day(30) });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect(dispatched.json()).toMatchObject({ state: 'dispatched', stateLabel: '已交办' });
    const [problem] = dispatched.json().problems;
    expect(problem.state).toBe('dispatched');

    const seen = await zhujian.get(`/api/problems/${problem.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      source: 'patrol',
      sourceLabel: '督导巡查',
      sourceRef: finding.code,
      unitId: zjj,
      state: 'dispatched',
      title: finding.title,
    });
    expect(seen.json().measures[0]).toMatchObject({ content: '责令立即整改，逐项复查脚手架搭设', deadline: day(30) });
    // The finding itself stays the office's and the group's.
    expect((await zhujian.get(`/api/findings/${finding.id}`)).statusCode).toBe(404);
    expect((await group1.get(`/api/findings/${finding.id}`)).json().problems[0].id).toBe(problem.id);

    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'patrol_finding'), eq(auditEvents.entityId, finding.id)));
    expect(
      audit
        .map((a) => a.type)
        .filter((x) => x.startsWith('patrol.'))
        .sort(),
    ).toEqual(['patrol.finding_created', 'patrol.finding_event']);
    expect(audit.map((a) => a.type)).toContain('notification.sent');
  });

  it('merge duplicates and close with a reason', async () => {
    const a = await newFinding(group1, { title: '值班人员脱岗' });
    const b = await newFinding(group2, { title: '值班人员脱岗（重复）' });
    expect((await fire(office, `/api/findings/${b.id}`, { type: 'merge' })).json().code).toBe('TARGET_REQUIRED');
    const merged = await fire(office, `/api/findings/${b.id}`, { type: 'merge', targetId: a.id });
    expect(merged.json()).toMatchObject({ state: 'merged', mergedInto: { id: a.id } });
    expect((await office.get(`/api/findings/${a.id}`)).json().duplicates.map((d: { id: string }) => d.id)).toEqual([
      b.id,
    ]);
    const noReason = await fire(office, `/api/findings/${a.id}`, { type: 'close' });
    expect(noReason.json()).toMatchObject({ code: 'COMMENT_REQUIRED', message: '请填写办结理由' });
    const closed = await fire(office, `/api/findings/${a.id}`, { type: 'close', comment: '已当场整改到位' });
    expect(closed.json()).toMatchObject({ state: 'closed', closeReason: '已当场整改到位', actions: [] });
    const again = await fire(office, `/api/findings/${a.id}`, { type: 'dispatch', deadline: day(10) });
    expect(again.statusCode).toBe(422);
    const c = await newFinding(group1);
    const intoClosed = await fire(office, `/api/findings/${c.id}`, { type: 'merge', targetId: a.id });
    expect(intoClosed.json().code).toBe('TARGET_NOT_OPEN');
  });

  it('escalate to the principal leaders, whose instructions become problems with owners and deadlines', async () => {
    const perf = async () => (await group1.get('/api/patrol/performance')).json().items[0];
    const before = await perf();
    const f = await newFinding(group1, { title: '跨部门职责不清导致工地扬尘长期未治理' });
    expect(
      (await fire(office, `/api/findings/${f.id}`, { type: 'escalate', escalateTo: 'principal_leaders' })).json(),
    ).toMatchObject({ code: 'COMMENT_REQUIRED', message: '请填写上报理由' });
    const escalated = await fire(office, `/api/findings/${f.id}`, {
      type: 'escalate',
      escalateTo: 'principal_leaders',
      comment: '涉及多个部门，紧急重大',
    });
    expect(escalated.json()).toMatchObject({
      state: 'escalated',
      escalatedToLabel: '党委、政府主要负责同志',
      actions: ['dispatch', 'instruct', 'close'],
    });
    const ownerOf = async (u: string) => (await office.get(`/api/people?unitId=${u}&pageSize=1`)).json().items[0].id;
    const [zjjOwner, yjjOwner] = [await ownerOf(zjj), await ownerOf(yjj)];
    const base = {
      type: 'instruct',
      instruction: '请住建、应急部门立即联合整治，一周内报告结果',
      instructedBy: '党工委书记',
    };
    expect((await fire(office, `/api/findings/${f.id}`, { ...base, actions: [] })).json().code).toBe(
      'ACTIONS_REQUIRED',
    );
    const noOwner = await fire(office, `/api/findings/${f.id}`, {
      ...base,
      actions: [{ content: '联合整治', unitId: zjj, deadline: day(7) }],
    });
    expect(noOwner.json()).toMatchObject({ code: 'OWNER_REQUIRED', field: 'actions.0.ownerPersonId' });
    const instructed = await fire(office, `/api/findings/${f.id}`, {
      ...base,
      actions: [
        { content: '牵头开展工地扬尘联合整治', unitId: zjj, ownerPersonId: zjjOwner, deadline: day(7) },
        { content: '配合开展安全检查', unitId: yjj, ownerPersonId: yjjOwner, deadline: day(10) },
      ],
    });
    expect(instructed.statusCode, instructed.body).toBe(200);
    expect(instructed.json()).toMatchObject({ state: 'dispatched', instructedBy: '党工委书记' });
    const [p1, p2] = instructed.json().problems;
    const seen1 = (await zhujian.get(`/api/problems/${p1.id}`)).json();
    expect(seen1).toMatchObject({ state: 'dispatched', responsiblePersonId: zjjOwner, sourceRef: f.code });
    expect(seen1.description).toContain('党工委书记批示：请住建、应急部门立即联合整治');
    expect(seen1.measures[0]).toMatchObject({ ownerPersonId: zjjOwner, deadline: day(7) });
    expect((await yingji.get(`/api/problems/${p2.id}`)).json()).toMatchObject({ responsiblePersonId: yjjOwner });
    // Each unit sees its own action only.
    expect((await zhujian.get(`/api/problems/${p2.id}`)).statusCode).toBe(404);
    // One finding, two problems.
    const after = await perf();
    expect([after.findings - before.findings, after.problems - before.problems]).toEqual([1, 2]);
  });
});

describe('circulars, typical cases and figures', () => {
  it('are drafted from findings, approved by a leader, published to units, and counted', async () => {
    const before = (await office.get('/api/patrol/figures')).json();
    const f = await newFinding(group1, { title: '节假日值班值守不到位' });
    const created = await office.post('/api/circulars', {
      kind: 'circular',
      title: '关于节假日值班值守突击检查情况的通报',
      body: '第六督导巡查组开展节假日值班值守突击检查。\n对未严格落实值班要求的单位予以通报批评。',
      findingIds: [f.id],
      people: ['张某某'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ state: 'draft', units: [{ id: zjj, name: '县住建局' }], actions: [] });
    expect((await zhujian.get(`/api/circulars/${c.id}`)).statusCode).toBe(404);
    expect((await fire(office, `/api/circulars/${c.id}`, { type: 'approve' })).statusCode).toBe(403);
    expect((await fire(leader, `/api/circulars/${c.id}`, { type: 'approve' })).json().state).toBe('approved');
    expect((await fire(office, `/api/circulars/${c.id}`, { type: 'publish' })).json().state).toBe('published');
    const forUnit = (await zhujian.get(`/api/circulars/${c.id}`)).json();
    expect(forUnit).toMatchObject({ title: c.title, findingIds: [], namedMatters: 1 });
    const doc = await zhujian.get(`/api/circulars/${c.id}/documents/circular.docx`);
    expect(docText(doc.rawPayload)).toContain('关于节假日值班值守突击检查情况的通报');
    expect(docText(doc.rawPayload)).toContain('张某某');

    const tc = await office.post('/api/typical-cases', {
      kind: 'positive',
      title: '城乡公益性岗位扩容攻坚',
      body: '分时分批、集中办公，完成率提高到100%',
      findingId: f.id,
    });
    expect((await zhujian.get(`/api/typical-cases/${tc.json().id}`)).statusCode).toBe(404);
    await fire(office, `/api/typical-cases/${tc.json().id}`, { type: 'publish' });
    expect((await zhujian.get(`/api/typical-cases/${tc.json().id}`)).json()).toMatchObject({
      state: 'published',
      findingId: null,
      unitName: '县住建局',
    });

    const after = (await office.get('/api/patrol/figures')).json();
    expect(after.circulars).toBe(before.circulars + 1);
    expect(after.namedMatters).toBe(before.namedMatters + 1);
    expect(after.namedPeople).toBe(before.namedPeople + 1);
    expect(after.positiveCases).toBe(before.positiveCases + 1);
    expect(after.findings).toBe(before.findings + 1);
    expect(after.byGroup).toHaveLength(6);
  });

  it('record semi-annual reports by the group and year-end scores by the office', async () => {
    const year = day(0).slice(0, 4);
    const bad = await group1.post('/api/group-reviews', { kind: 'semiannual', period: year, report: '报告' });
    expect(bad.json().message).toBe('半年报告的期间应为 2026-H1 或 2026-H2，年度述职的期间应为年份');
    expect(
      (await group1.post('/api/group-reviews', { kind: 'semiannual', period: `${year}-H2`, report: '下半年报告' }))
        .statusCode,
    ).toBe(201);
    const annual = { kind: 'annual', period: year, groupId: group1Id, report: '年度述职' };
    expect((await group1.post('/api/group-reviews', { ...annual, score: 90 })).statusCode).toBe(403);
    expect((await office.post('/api/group-reviews', annual)).json().code).toBe('SCORE_REQUIRED');
    expect((await office.post('/api/group-reviews', { ...annual, score: 120 })).json().message).toBe(
      '评议得分不能大于100',
    );
    expect((await office.post('/api/group-reviews', { ...annual, score: 92 })).statusCode).toBe(201);
    const perf = (await office.get(`/api/patrol/performance?year=${year}`)).json();
    const g1 = perf.items.find((g: { groupId: string }) => g.groupId === group1Id);
    expect(g1.annualScore).toBe(92);
    expect(g1.semiannualReports).toContain(`${year}-H2`);
    expect(
      (await group2.get('/api/group-reviews')).json().items.every((r: { groupId: string }) => r.groupId !== group1Id),
    ).toBe(true);
  });
});

describe('draft sheets and the findings ledger', () => {
  it('edit a draft with its version, refuse edits once issued, and export findings as .xlsx', async () => {
    const draft = (await newTaskBody({ title: '拟稿任务' })).json();
    expect(draft.state).toBe('draft');
    const edited = await office.patch(`/api/tasks/${draft.id}`, { version: draft.version, title: '修改后的任务' });
    expect(edited.json()).toMatchObject({ title: '修改后的任务', version: draft.version + 1 });
    expect((await office.patch(`/api/tasks/${draft.id}`, { version: draft.version, title: 'x' })).statusCode).toBe(409);
    const noTargets = await office.patch(`/api/tasks/${draft.id}`, { version: draft.version + 1, targetUnitIds: [] });
    expect(noTargets.json()).toMatchObject({
      code: 'TARGET_REQUIRED',
      message: '请至少选择一个督导对象（单位或项目）',
    });
    await fire(office, `/api/tasks/${draft.id}`, { type: 'issue' });
    const late = await office.patch(`/api/tasks/${draft.id}`, { version: draft.version + 2, title: 'y' });
    expect(late.json()).toMatchObject({ code: 'TASK_NOT_DRAFT', message: '交办单已下达，不能再修改' });

    const f = await newFinding(group1, { title: `导出核对${Date.now()}` });
    const xlsx = await office.get(`/api/findings/export.xlsx?q=${encodeURIComponent(f.title)}`);
    expect(xlsx.statusCode).toBe(200);
    const sheet = (await readWorkbook(xlsx.rawPayload)).督导发现台账;
    expect(sheet[1]).toContain('问题概述');
    expect(sheet.slice(2).map((r) => r[1])).toEqual([f.code]);
    const mine = (await readWorkbook((await group2.get('/api/findings/export.xlsx')).rawPayload)).督导发现台账;
    expect(mine.slice(2).every((r) => r[2] === '第二督导巡查组')).toBe(true);
    const none = (await readWorkbook((await zhujian.get('/api/findings/export.xlsx')).rawPayload)).督导发现台账;
    expect(none).toHaveLength(2);
  });

  it('exports tasks, inspections, circulars and typical cases with the same filters and scope as their lists', async () => {
    for (const [list, file, sheet] of [
      ['/api/tasks?state=issued&pageSize=2000', '/api/tasks/export.xlsx?state=issued', '交办单'],
      ['/api/inspections?pageSize=2000', '/api/inspections/export.xlsx', '督导记录'],
      ['/api/circulars?pageSize=2000', '/api/circulars/export.xlsx', '通报'],
      ['/api/typical-cases?pageSize=2000', '/api/typical-cases/export.xlsx', '典型案例'],
    ]) {
      for (const c of [office, group2, zhujian]) {
        const { total } = (await c.get(list)).json();
        const res = await c.get(file);
        expect(res.statusCode, file).toBe(200);
        const rows = (await readWorkbook(res.rawPayload))[sheet];
        expect(rows.length - 1, `${file} rows`).toBe(total);
      }
    }
  });
});

describe('demo county', () => {
  it('has six groups at work with tasks and findings in every state', async () => {
    for (const state of ['draft', 'issued', 'in_progress', 'reported', 'completed', 'cancelled']) {
      expect((await office.get(`/api/tasks?state=${state}`)).json().total, state).toBeGreaterThan(0);
    }
    for (const state of ['submitted', 'escalated', 'dispatched', 'merged', 'closed']) {
      expect((await office.get(`/api/findings?state=${state}`)).json().total, state).toBeGreaterThan(0);
    }
    const sorted = <T>(xs: T[], cmp: (a: T, b: T) => number) => [...xs].sort(cmp);
    const byDeadline = (await office.get('/api/tasks?sort=-deadline&pageSize=50')).json().items as {
      deadline: string;
    }[];
    expect(byDeadline.map((t) => t.deadline)).toEqual(
      sorted(
        byDeadline.map((t) => t.deadline),
        (a, b) => b.localeCompare(a),
      ),
    );
    const oldest = (await office.get('/api/findings?sort=createdAt&pageSize=50')).json().items as {
      createdAt: string;
    }[];
    const times = oldest.map((f) => f.createdAt);
    expect(times).toEqual(sorted(times, (a, b) => a.localeCompare(b)));
    expect((await office.get('/api/findings?sort=title')).statusCode).toBe(400);
    const dispatched = (await office.get('/api/findings?state=dispatched&pageSize=1')).json().items[0];
    const problem = (await office.get(`/api/problems/${dispatched.problems[0].id}`)).json();
    expect(problem).toMatchObject({ source: 'patrol', sourceRef: dispatched.code });
    const perf = (await office.get('/api/patrol/performance')).json().items;
    expect(perf).toHaveLength(6);
    for (const g of perf) expect(g.inspections, g.groupName).toBeGreaterThan(0);
    const figures = (await office.get('/api/patrol/figures')).json();
    expect(figures.circulars).toBeGreaterThan(0);
    expect(figures.unitsInspected).toBeGreaterThan(0);
    expect(figures.projectsInspected).toBeGreaterThan(0);
    expect(figures.rectificationRate).not.toBeNull();
    expect((await zhujian.get('/api/circulars')).json().total).toBeGreaterThan(0);
  });
});
