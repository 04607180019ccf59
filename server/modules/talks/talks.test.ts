import { formatDate } from '../../../common/format.js';
import { and, asc, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/db/platform.tables.js';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { readWorkbook } from '../../test/xlsx.js';
import { units } from '../org/org.tables.js';
import { problems } from '../problems/problems.tables.js';

let t: TestApp;
let paizhu1: Client;
let office: Client;
let zuzhibu: Client;
let zhujian: Client;
const unit = async (code: string) => (await t.database.db.select().from(units).where(eq(units.code, code)))[0];

beforeAll(async () => {
  t = await createTestApp();
  [paizhu1, office, zuzhibu, zhujian] = await Promise.all(
    ['paizhu1', 'office', 'zuzhibu', 'zhujian'].map((u) => t.as(u)),
  );
});
afterAll(() => t.close());

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const fire = async (c: Client, id: string, body: Record<string, unknown>) => {
  const x = (await c.get(`/api/talks/${id}`)).json();
  return c.post(`/api/talks/${id}/events`, { version: x.version, ...body });
};

describe('talks', () => {
  it('validates who, whom and dates, and keeps a dispatched group to its units', async () => {
    const zjj = await unit('ZJJ');
    const yjj = await unit('YJJ');
    const base = { kind: 'reminder', talkerNames: '派驻第一组组长', reason: '提醒谈话', talkOn: today() };
    const noSubject = await paizhu1.post('/api/talks', base);
    expect(noSubject.json()).toMatchObject({ code: 'SUBJECT_REQUIRED', message: '请选择谈话对象（人员或约谈单位）' });
    const noTalker = await paizhu1.post('/api/talks', { ...base, talkerNames: '', subjectUnitId: zjj.id });
    expect(noTalker.json().code).toBe('TALKER_REQUIRED');
    const badKind = await paizhu1.post('/api/talks', { ...base, kind: 'chat', subjectUnitId: zjj.id });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().message).toContain('谈话类型');
    const early = await paizhu1.post('/api/talks', {
      ...base,
      subjectUnitId: zjj.id,
      followUpRequired: '整改',
      followUpDue: '2020-01-01',
    });
    expect(early.json()).toMatchObject({ field: 'followUpDue', message: '整改期限不能早于谈话日期' });
    // 应急管理局 is not overseen by 派驻第一组.
    const outside = await paizhu1.post('/api/talks', { ...base, subjectPersonIds: [yjj.principalPersonId] });
    expect(outside.json()).toMatchObject({ code: 'PERSON_NOT_FOUND', field: 'subjectPersonIds' });
    expect((await paizhu1.post('/api/talks', { ...base, subjectUnitId: yjj.id })).json().code).toBe('UNIT_NOT_FOUND');
    const theirs = await office.post('/api/talks', { ...base, subjectUnitId: yjj.id, kind: 'interview' });
    expect(theirs.statusCode).toBe(201);
    expect((await paizhu1.get(`/api/talks/${theirs.json().id}`)).statusCode).toBe(404);
    expect((await zhujian.get('/api/talks')).statusCode).toBe(403);
  });

  it('records a 诫勉谈话 linked to a problem, follows it up and closes it', async () => {
    const zjj = await unit('ZJJ');
    const [problem] = await t.database.db
      .select()
      .from(problems)
      .where(and(eq(problems.unitId, zjj.id), eq(problems.state, 'dispatched')))
      .limit(1);
    const created = await paizhu1.post('/api/talks', {
      kind: 'admonition',
      talkerNames: '派驻第一组组长',
      subjectPersonIds: [zjj.principalPersonId],
      reason: '整改不力，诫勉谈话',
      talkOn: today(),
      place: '派驻第一组谈话室',
      followUpRequired: '十个工作日内报送整改报告',
      followUpDue: today(),
      problemId: problem.id,
    });
    expect(created.statusCode).toBe(201);
    const talk = created.json();
    expect(talk).toMatchObject({
      kindLabel: '诫勉谈话',
      formOfFour: 1,
      state: 'planned',
      unitIds: [zjj.id],
      unitNames: ['县住建局'],
      problemId: problem.id,
      caseId: null,
      actions: ['update', 'delete', 'record'],
    });
    expect(talk.subjects[0].id).toBe(zjj.principalPersonId);
    // The principal of 住建局 (zhujian.head) is told when and where.
    const inbox = (await (await t.as('zhujian.head')).get('/api/notifications?pageSize=50')).json().items;
    expect(inbox.map((n: { title: string; body: string }) => `${n.title} ${n.body}`)).toContain(
      `【谈话通知】诫勉谈话 请于${formatDate(today())}到派驻第一组谈话室参加诫勉谈话。事由：整改不力，诫勉谈话`,
    );
    expect(talk.code).toMatch(/^TH\d{4}-\d{4}$/);
    expect((await office.get(`/api/talks?problemId=${problem.id}`)).json().total).toBeGreaterThanOrEqual(1);

    // 组织部 reads, but does not act.
    expect((await zuzhibu.get(`/api/talks/${talk.id}`)).json().actions).toEqual([]);
    expect((await fire(zuzhibu, talk.id, { type: 'record', record: 'x' })).statusCode).toBe(403);

    expect((await fire(paizhu1, talk.id, { type: 'record' })).json().message).toBe('请填写谈话记录');
    expect((await fire(paizhu1, talk.id, { type: 'close' })).statusCode).toBe(422);
    const recorded = await fire(paizhu1, talk.id, {
      type: 'record',
      record: '谈话对象对问题表示认同。\n承诺限期整改。',
    });
    expect(recorded.json()).toMatchObject({ state: 'recorded', stateLabel: '已谈话' });
    // 办结 is not offered while the follow-up is open: the same refusal that answers the event (issue #20).
    expect(recorded.json().actions).toEqual(['update', 'record', 'follow_up']);
    const stale = await paizhu1.post(`/api/talks/${talk.id}/events`, { type: 'close', version: talk.version });
    expect(stale.statusCode).toBe(409);
    const open = await fire(paizhu1, talk.id, { type: 'close' });
    expect(open.json()).toMatchObject({ code: 'TALK_FOLLOW_UP_OPEN', message: '整改要求尚未落实到位，不能办结' });
    expect((await fire(paizhu1, talk.id, { type: 'follow_up' })).json().field).toBe('result');
    const partly = await fire(paizhu1, talk.id, { type: 'follow_up', result: '已报送整改方案', done: false });
    expect(partly.json()).toMatchObject({ followUpDone: false, followUpResult: '已报送整改方案' });
    await fire(paizhu1, talk.id, { type: 'follow_up', result: '整改报告已报送，经核实到位', done: true });
    expect((await paizhu1.get(`/api/talks/${talk.id}`)).json().actions).toContain('close');
    const closed = await fire(paizhu1, talk.id, { type: 'close' });
    expect(closed.json()).toMatchObject({ state: 'closed', actions: [] });
    expect(
      (await paizhu1.patch(`/api/talks/${talk.id}`, { version: closed.json().version, place: 'x' })).statusCode,
    ).toBe(422);
    expect(closed.json().events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'record',
      'follow_up',
      'follow_up',
      'close',
    ]);

    const doc = await zuzhibu.get(`/api/talks/${talk.id}/documents/record.docx`);
    expect(doc.statusCode).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(doc.rawPayload))['word/document.xml']);
    // The 笔录 is kept as issued when the talk was recorded: the later follow-up is not written into it.
    expect(xml).not.toContain('整改报告已报送，经核实到位');
    for (const text of ['诫勉谈话笔录', '谈话对象对问题表示认同。', '派驻第一组谈话室']) {
      expect(xml).toContain(text);
    }
    // A 谈话笔录 form, not a red-header 公文: the people, room to sign, no issuer mark.
    for (const text of ['记录人：', '被谈话人（签名）：', '谈话人（签名）：', '记录人（签名）：'])
      expect(xml).toContain(text);
    expect(xml).not.toContain('FF0000');
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, talk.id))
      .orderBy(asc(auditEvents.seq));
    expect(audit.map((a) => a.type)).toEqual([
      'talk.created',
      'notification.sent',
      'talk.event',
      'document.issued',
      'talk.event',
      'talk.event',
      'talk.event',
    ]);
  });

  it('edits with optimistic concurrency, deletes softly, and tags the forms', async () => {
    const zjj = await unit('ZJJ');
    const created = (
      await office.post('/api/talks', {
        kind: 'integrity',
        talkerNames: '县纪委书记',
        subjectPersonIds: [zjj.principalPersonId],
        reason: '节前廉政谈话',
        talkOn: today(),
      })
    ).json();
    expect(created.formOfFour).toBeNull();
    const edited = await office.patch(`/api/talks/${created.id}`, { version: created.version, kind: 'warning' });
    expect(edited.json()).toMatchObject({ kind: 'warning', kindLabel: '警示谈话', formOfFour: 1 });
    expect((await office.patch(`/api/talks/${created.id}`, { version: created.version, place: 'x' })).statusCode).toBe(
      409,
    );
    expect((await office.delete(`/api/talks/${created.id}?version=${created.version}`)).statusCode).toBe(409);
    expect((await office.delete(`/api/talks/${created.id}?version=${edited.json().version}`)).statusCode).toBe(204);
    expect((await office.get(`/api/talks/${created.id}`)).statusCode).toBe(404);
  });

  it('lists with server-side filters and pagination within scope', async () => {
    const page = (await office.get('/api/talks?pageSize=5&page=1')).json();
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThanOrEqual(15);
    const page2 = (await office.get('/api/talks?pageSize=5&page=2')).json();
    expect(page2.items[0].id).not.toBe(page.items[0].id);
    const kinds = (await office.get('/api/talks?kind=interview&pageSize=100')).json();
    expect(kinds.items.length).toBeGreaterThan(0);
    expect(kinds.items.every((x: { kind: string }) => x.kind === 'interview')).toBe(true);
    const ranged = (await office.get('/api/talks?from=2026-01-01&to=2026-01-31&pageSize=100')).json();
    expect(ranged.items.every((x: { talkOn: string }) => x.talkOn >= '2026-01-01' && x.talkOn <= '2026-01-31')).toBe(
      true,
    );
    // 派驻第一组 sees talks about its six units only.
    const overseen = new Set(
      (await t.database.db.select().from(units))
        .filter((u) => ['ZJJ', 'ZRJ', 'JTJ', 'SLJ', 'CGJ', 'HBJ'].includes(u.code))
        .map((u) => u.id),
    );
    const mine = (await paizhu1.get('/api/talks?pageSize=100')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((x: { unitIds: string[] }) => x.unitIds.some((u) => overseen.has(u)))).toBe(true);
    expect(mine.total).toBeLessThan(page.total);
    const sheet = (await readWorkbook((await paizhu1.get('/api/talks/export.xlsx')).rawPayload)).谈话台账;
    expect(sheet.length - 1).toBe(mine.total);
    const interviews = (await readWorkbook((await office.get('/api/talks/export.xlsx?kind=interview')).rawPayload))
      .谈话台账;
    expect(interviews.slice(1).every((r) => r[1] === '约谈')).toBe(true);
    expect(interviews.length - 1).toBe(kinds.total);
  });
});
