import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, userIdsOf, unitByCode } from '../../test/harness.js';
import { caseEvents } from './cases.fixtures.js';
import { readWorkbook } from '../../test/xlsx.js';

let t: TestApp;
const c: Record<string, Client> = {};
let zjj: { id: string; principalPersonId: string; leaderInChargePersonId: string };
let userIds: Record<string, string>;

async function signIn() {
  for (const u of [
    'leader',
    'office',
    'caseoffice',
    'anguan',
    'wenze1',
    'wenze2',
    'zhujian',
    'zuzhibu',
    'sysadmin',
    'paizhu1',
  ]) {
    c[u] = await t.as(u);
  }
}
async function setClock(iso: string) {
  await t.setClock(iso);
  await signIn();
}

/** The data rows of an .xlsx ledger as `u` downloads it. */
async function ledger(u: string, path: string, sheet: string) {
  const res = await c[u].get(path);
  expect(res.statusCode, res.body).toBe(200);
  return (await readWorkbook(res.rawPayload))[sheet].slice(1);
}

const { get, fire, ok } = caseEvents(c);

/** Fires `body` as wenze1 and expects it refused with `status` and a message containing `text`. */
async function refused(id: string, body: Record<string, unknown>, status: number, text: string) {
  const res = await fire('wenze1', id, body);
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().message).toContain(text);
}

const service = (subjectId: string, date: string, serviceManner = 'direct') => ({
  type: 'record_service',
  subjectId,
  serviceManner,
  date,
});
const appealOn = (subjectId: string, filedOn: string) => ({
  type: 'appeal',
  subjectId,
  appealKind: 'appeal',
  filedOn,
  comment: '认为处理过重',
});

const FACTS = {
  problem: '县住建局未按期排查整治在建工地安全隐患',
  result: '2026年9月某工地发生坍塌，造成一人受伤',
  responsibility: '局主要负责人未组织开展专项排查',
  causation: '隐患未排查整治是事故发生的直接原因',
};

/** POSTs a manual party case as wenze1 against ZJJ's principal; `body` adds to or overrides those fields. */
const postCase = (body: Record<string, unknown>) =>
  c.wenze1.post('/api/cases', {
    kind: 'party',
    sourceType: 'manual',
    subjects: [{ subjectType: 'person', personId: zjj.principalPersonId }],
    ...body,
  });

/** A party case against ZJJ's principal and ZJJ itself, investigated by wenze1 and wenze2. */
async function openCase(extra: Record<string, unknown> = {}) {
  const res = await postCase({
    title: '县住建局安全隐患排查不力问责案',
    situation: 9,
    subjects: [
      { subjectType: 'person', personId: zjj.principalPersonId },
      { subjectType: 'unit', unitId: zjj.id },
    ],
    teamUserIds: [userIds.wenze2],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Takes a case through investigation to review: facts, statement, signed defence, determination. */
async function investigate(id: string, tolerance?: Record<string, unknown>) {
  await ok('leader', id, { type: 'approve_launch' });
  await ok('wenze1', id, { type: 'record_facts', facts: FACTS });
  await ok('wenze1', id, { type: 'issue_statement' });
  const subjects = (await get('wenze1', id)).subjects as { id: string }[];
  for (const s of subjects)
    await ok('wenze2', id, { type: 'record_defense', subjectId: s.id, defense: '对事实无异议', signed: true });
  await ok('wenze1', id, {
    type: 'determine',
    determinations: subjects.map((s) => ({
      subjectId: s.id,
      responsibility: 'main_leadership',
      duty: 'supervision',
      circumstances: { mitigating: ['cooperated'] },
      ...(tolerance ? { tolerance } : {}),
    })),
  });
  return subjects;
}

async function jointReview(id: string) {
  await ok('office', id, { type: 'sign_joint_review', office: 'df', comment: '同意' });
  await ok('anguan', id, { type: 'sign_joint_review', office: 'ag', comment: '程序合规' });
  await ok('caseoffice', id, { type: 'sign_joint_review', office: 'sl', comment: '定性准确' });
}

/** A supervision case decided on 2 Nov 2026: 政务处分·警告 for the person, nothing for the unit. */
async function warnedSupervisionCase(title: string) {
  const id = (await openCase({ kind: 'supervision', title })).id;
  const subjects = await investigate(id);
  await jointReview(id);
  await ok('leader', id, {
    type: 'decide',
    decisionDate: '2026-11-02',
    decisions: [
      { subjectId: subjects[0].id, forms: [{ form: '政务处分·警告', mode: 'impose' }] },
      { subjectId: subjects[1].id, forms: [] },
    ],
  });
  return { id, subjects };
}

beforeAll(async () => {
  t = await createTestApp();
  await setClock('2026-11-02T02:00:00Z');
  zjj = await unitByCode(c.office, 'ZJJ');
  userIds = await userIdsOf(t);
});
afterAll(() => t.close());

describe('the demo county', () => {
  it('has cases at every stage, one appealed and one exempted under fault tolerance', async () => {
    const states = (await t.database.query<{ state: string }>('SELECT DISTINCT state FROM cases')).rows.map(
      (r) => r.state,
    );
    expect(states.sort()).toEqual(['closed', 'decided', 'executed', 'investigating', 'proposed', 'reviewing']);
    const appealed = await t.database.query("SELECT 1 FROM case_appeals WHERE result = 'lighter'");
    expect(appealed.rows.length).toBeGreaterThan(0);
    const exempt = await t.database.query(
      "SELECT 1 FROM case_subjects WHERE tolerance->>'outcome' = 'exempt' AND forms = '[]'::jsonb",
    );
    expect(exempt.rows.length).toBeGreaterThan(0);
    // The exempted case shows the pre-registration it was exempted under.
    const exempted = (await c.leader.get(`/api/cases?q=${encodeURIComponent('先改后补')}`)).json().items[0];
    const detail = await get('leader', exempted.id);
    expect(detail.subjects[0].tolerance.filingIds).toHaveLength(1);
    expect(detail.toleranceMatches[0]).toMatchObject({ id: detail.subjects[0].tolerance.filingIds[0] });
    expect(detail.toleranceMatches[0].reasons).toEqual(expect.arrayContaining(['同一单位']));
    const periods = await c.zuzhibu.get('/api/influence-periods');
    expect(periods.json().total).toBeGreaterThan(0);
  });
});

describe('opening and launching a case', () => {
  it('needs a team of at least two and the commission leader’s approval', async () => {
    const res = await postCase({ title: '单人调查组测试', situation: 11 });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect((await fire('wenze1', id, { type: 'approve_launch' })).statusCode).toBe(403);
    const small = await fire('leader', id, { type: 'approve_launch' });
    expect(small.statusCode).toBe(422);
    expect(small.json().message).toContain('不少于二人');
  });

  it('rejects a team member who is not a case officer, with a Chinese message', async () => {
    const res = await postCase({ title: '调查组成员测试', situation: 11, teamUserIds: [userIds.zhujian] });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('调查组成员');
  });
});

describe('a case from launch to close', () => {
  let id: string;
  let subjects: { id: string }[];

  it('is confidential: only its officers and the commission leaders see it (404 for everyone else)', async () => {
    id = (await openCase({ field: '安全生产' })).id;
    for (const u of ['leader', 'wenze1', 'wenze2']) expect((await c[u].get(`/api/cases/${id}`)).statusCode).toBe(200);
    for (const u of ['office', 'anguan', 'caseoffice', 'zhujian', 'zuzhibu', 'sysadmin', 'paizhu1']) {
      expect((await c[u].get(`/api/cases/${id}`)).statusCode, u).toBe(404);
      expect((await c[u].get(`/api/cases/${id}/documents/decision.docx`)).statusCode, u).toBe(404);
      expect((await c[u].post(`/api/cases/${id}/events`, { type: 'close', version: 1 })).statusCode, u).toBe(404);
    }
    const listed = (await c.anguan.get('/api/cases?pageSize=100')).json().items.map((x: { id: string }) => x.id);
    expect(listed).not.toContain(id);
    expect((await c.zuzhibu.get('/api/cases')).statusCode).toBe(403);
  });

  it('is left out of the ledger of a case officer not on it, exactly as from the list', async () => {
    const { code } = await get('leader', id);
    const listed = (await c.caseoffice.get('/api/cases?pageSize=2000')).json();
    const rows = await ledger('caseoffice', '/api/cases/export.xlsx', '问责案件台账');
    expect(rows.map((r) => r[0])).toEqual(listed.items.map((x: { code: string }) => x.code));
    expect(rows.map((r) => r[0])).not.toContain(code);
    expect(await ledger('caseoffice', `/api/cases/export.xlsx?q=${code}`, '问责案件台账')).toEqual([]);
    // Its officers and the leader find it, filtered and sorted as the list is.
    const mine = await ledger('wenze1', `/api/cases/export.xlsx?q=${code}`, '问责案件台账');
    expect(mine).toEqual([expect.arrayContaining([code, '县住建局安全隐患排查不力问责案', '待批准启动'])]);
    const byCode = (await c.leader.get('/api/cases?pageSize=2000&sort=code&state=proposed')).json();
    const sorted = await ledger('leader', '/api/cases/export.xlsx?sort=code&state=proposed', '问责案件台账');
    expect(sorted.map((r) => r[0])).toEqual(byCode.items.map((x: { code: string }) => x.code));
    expect(sorted.map((r) => r[0])).toContain(code);
    expect((await c.zuzhibu.get('/api/cases/export.xlsx')).statusCode).toBe(403);
    expect((await c.leader.get('/api/cases/export.xlsx?sort=title')).statusCode).toBe(400);
  });

  it('cannot reach a determination without the four facts and signed defences', async () => {
    await ok('leader', id, { type: 'approve_launch' });
    // A record with nothing in it (the dialog accepted untouched) is refused with the message, not stored.
    for (const facts of [{}, { problem: ' ', result: '' }]) {
      const empty = await fire('wenze1', id, { type: 'record_facts', facts });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().message).toBe('请至少填写一项事实');
    }
    await ok('wenze1', id, { type: 'record_facts', facts: { problem: FACTS.problem, result: FACTS.result } });
    const early = await fire('wenze1', id, { type: 'issue_statement' });
    expect(early.statusCode).toBe(422);
    // Only what will succeed is offered (issue #20): the same rules answer the refusal and shape `actions`.
    expect((await get('wenze1', id)).actions).not.toContain('issue_statement');
    await ok('wenze1', id, { type: 'record_facts', facts: FACTS });
    expect((await get('wenze1', id)).actions).toContain('issue_statement');
    subjects = (await get('wenze1', id)).subjects;
    const noStatement = await fire('wenze1', id, {
      type: 'record_defense',
      subjectId: subjects[0].id,
      defense: '无异议',
      signed: true,
    });
    expect(noStatement.statusCode).toBe(422);
    await ok('wenze1', id, { type: 'issue_statement' });
    expect((await get('wenze1', id)).actions).not.toContain('issue_statement');
    const again = await fire('wenze1', id, { type: 'issue_statement' });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('STATEMENT_ISSUED');
    await ok('wenze2', id, {
      type: 'record_defense',
      subjectId: subjects[0].id,
      defense: '已尽力组织排查',
      signed: false,
    });
    const det = { subjectId: subjects[0].id, responsibility: 'main_leadership', duty: 'supervision' };
    const unsigned = await fire('wenze1', id, { type: 'determine', determinations: [det] });
    expect(unsigned.statusCode).toBe(422);
    expect(unsigned.json().message).toContain('未签字');
    await ok('wenze2', id, {
      type: 'record_defense',
      subjectId: subjects[0].id,
      defense: '已尽力组织排查',
      signed: true,
    });
    await ok('wenze2', id, { type: 'record_defense', subjectId: subjects[1].id, defense: '无异议', signed: true });
    const after = await ok('wenze1', id, {
      type: 'determine',
      determinations: [det, { subjectId: subjects[1].id, responsibility: 'direct', duty: 'execution' }],
    });
    expect(after.state).toBe('reviewing');
    expect(after.prereviewRequired).toBe(true); // 安全生产 is a sensitive field
  });

  it('is signed off by the three offices in any order, and pre-reviewed, before a decision', async () => {
    expect((await c.office.get(`/api/cases/${id}`)).statusCode).toBe(200); // reviewers now see it
    expect((await fire('wenze1', id, { type: 'sign_joint_review', office: 'df', comment: '同意' })).statusCode).toBe(
      403,
    );
    await ok('caseoffice', id, { type: 'sign_joint_review', office: 'sl', comment: '定性准确' });
    const decisions = [
      { subjectId: subjects[0].id, forms: [{ form: '书面诫勉', mode: 'impose' }] },
      { subjectId: subjects[1].id, forms: [{ form: '通报', mode: 'impose' }] },
    ];
    const early = await fire('leader', id, { type: 'decide', decisions });
    expect(early.statusCode).toBe(422);
    expect(early.json().message).toContain('党风政风监督室');
    expect((await get('leader', id)).actions).not.toContain('decide');
    // 审理室 has signed: its reviewer is no longer offered to sign; 案管室's still is.
    expect((await get('caseoffice', id)).actions).not.toContain('sign_joint_review');
    expect((await get('anguan', id)).actions).toContain('sign_joint_review');
    await ok('anguan', id, { type: 'sign_joint_review', office: 'ag', comment: '程序合规' });
    await ok('office', id, { type: 'sign_joint_review', office: 'df', comment: '同意' });
    expect((await fire('office', id, { type: 'sign_joint_review', office: 'df', comment: '再签' })).statusCode).toBe(
      422,
    );
    const noPre = await fire('leader', id, { type: 'decide', decisions });
    expect(noPre.json().message).toContain('提级预审');
    expect((await get('leader', id)).actions).not.toContain('decide');
    await ok('wenze1', id, { type: 'request_prereview', comment: '涉及安全生产领域' });
    await ok('leader', id, { type: 'record_prereview', comment: '市纪委监委预审同意' });
    expect((await get('leader', id)).actions).toContain('decide');
  });

  it('lets the commission only propose 组织调整 (authority check), then decides with influence periods', async () => {
    const imposed = await fire('leader', id, {
      type: 'decide',
      decisions: [
        { subjectId: subjects[0].id, forms: [{ form: '免职', mode: 'impose' }] },
        { subjectId: subjects[1].id, forms: [] },
      ],
    });
    expect(imposed.statusCode).toBe(422);
    expect(imposed.json().message).toContain('只能向党委或组织部门提出建议');
    const wrongSubject = await fire('leader', id, {
      type: 'decide',
      decisions: [
        { subjectId: subjects[0].id, forms: [{ form: '书面诫勉', mode: 'impose' }] },
        { subjectId: subjects[1].id, forms: [{ form: '书面诫勉', mode: 'impose' }] },
      ],
    });
    expect(wrongSubject.statusCode).toBe(400);
    const future = await fire('leader', id, {
      type: 'decide',
      decisionDate: '2026-11-03',
      decisions: [
        { subjectId: subjects[0].id, forms: [{ form: '书面诫勉', mode: 'impose' }] },
        { subjectId: subjects[1].id, forms: [{ form: '通报', mode: 'impose' }] },
      ],
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('不能晚于今天');
    const decided = await ok('leader', id, {
      type: 'decide',
      decisionDate: '2026-11-02',
      decisions: [
        {
          subjectId: subjects[0].id,
          forms: [
            { form: '书面诫勉', mode: 'impose' },
            { form: '调整职务', mode: 'propose' },
          ],
        },
        { subjectId: subjects[1].id, forms: [{ form: '通报', mode: 'impose' }] },
      ],
    });
    expect(decided.state).toBe('decided');
    expect(decided.executionDeadline).toBe('2026-12-02');
    expect(decided.subjects[0].formOfFour).toBe(2);
    expect(decided.influencePeriods).toMatchObject([
      { form: '书面诫勉', startsOn: '2026-11-02', endsOn: '2027-05-02', state: 'active' },
    ]);
    const doc = await c.wenze1.get(`/api/cases/${id}/documents/decision.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('officedocument');
    // 组织部 sees the period (and was told), not the case.
    const current = (await c.zuzhibu.get('/api/influence-periods')).json();
    expect(current.items.map((p: { caseId: string }) => p.caseId)).toContain(id);
    const latest = (await c.zuzhibu.get('/api/influence-periods?pageSize=2000&sort=-startsOn')).json();
    const periods = await ledger('zuzhibu', '/api/influence-periods/export.xlsx?sort=-startsOn', '影响期');
    expect(periods.map((r) => [r[0], r[5]])).toEqual(
      latest.items.map((p: { personName: string; startsOn: string }) => [p.personName, p.startsOn.slice(0, 10)]),
    );
    expect(periods).toContainEqual(expect.arrayContaining(['书面诫勉', '2026-11-02', '2027-05-02']));
    const person = (await c.zuzhibu.get(`/api/people/${zjj.principalPersonId}/influence-periods`)).json();
    expect(person.items[0]).toMatchObject({ form: '书面诫勉', state: 'active' });
    const inbox = (await c.zuzhibu.get('/api/notifications')).json().items.map((n: { title: string }) => n.title);
    expect(inbox).toContain('问责决定影响干部使用');
  });

  it('refuses an appeal before the decision is served, and counts the appeal clock from service (送达)', async () => {
    await refused(id, appealOn(subjects[0].id, '2026-11-20'), 422, '待送达');
    await refused(id, service(subjects[0].id, '2026-11-01', 'direct'), 400, '不能早于决定日期');
    const served = await ok('wenze1', id, {
      type: 'record_service',
      subjectId: subjects[0].id,
      serviceManner: 'mail',
      date: '2026-11-02',
      comment: '挂号信签收',
    });
    expect(served.subjects[0]).toMatchObject({ servedOn: '2026-11-02', serviceManner: 'mail' });
    await refused(id, service(subjects[1].id, '2026-11-03', 'direct'), 400, '不能晚于今天');
    await refused(id, appealOn(subjects[0].id, '2026-11-01'), 400, '不能早于决定送达日期');
    const decisionPage = await get('wenze1', id);
    expect(decisionPage.subjects[1].servedOn).toBeNull(); // the other subject's clock waits for service (待送达)
  });

  it('takes an appeal within a month without suspending execution, and never makes it heavier', async () => {
    const late = await fire('wenze1', id, appealOn(subjects[0].id, '2026-12-03'));
    expect(late.statusCode).toBe(422);
    expect(late.json().message).toContain('2026年12月2日'); // one month from service
    const wrongRoute = await fire('wenze1', id, {
      type: 'appeal',
      subjectId: subjects[0].id,
      appealKind: 'recheck',
      comment: '复核',
    });
    expect(wrongRoute.statusCode).toBe(400);
    const clockActions = (x: { actions: string[] }) =>
      x.actions.filter((a) => ['decide_appeal', 'pause_clock', 'resume_clock'].includes(a));
    expect(clockActions(await get('wenze1', id))).toEqual([]); // no appeal: nothing to pause
    expect((await get('leader', id)).actions).not.toContain('decide_appeal');
    expect((await fire('wenze1', id, { type: 'resume_clock', comment: '恢复' })).json().code).toBe('CLOCK_RUNNING');
    const filed = await ok('wenze1', id, appealOn(subjects[0].id, '2026-11-20'));
    expect(filed.state).toBe('decided'); // execution is not suspended
    expect(clockActions(filed)).toEqual(['pause_clock']);
    expect((await get('leader', id)).actions).toContain('decide_appeal');
    const appeal = filed.appeals[0];
    expect(appeal.decideDeadline).toBe('2026-12-21'); // 20 Dec is a Sunday
    const paused = await ok('wenze1', id, {
      type: 'pause_clock',
      appealId: appeal.id,
      date: '2026-11-23',
      comment: '补充材料',
    });
    expect(paused.appeals[0].decideDeadline).toBeNull();
    expect(clockActions(paused)).toEqual(['resume_clock']);

    const resumed = await ok('wenze1', id, {
      type: 'resume_clock',
      appealId: appeal.id,
      date: '2026-11-30',
      comment: '材料已补齐',
    });
    expect(resumed.appeals[0].decideDeadline).toBe('2026-12-28'); // 7 days later
    await refused(
      id,
      {
        type: 'pause_clock',
        appealId: appeal.id,
        date: '2026-11-19',
        comment: '补充材料',
      },
      400,
      '不能早于申诉提出日期',
    );
    await refused(
      id,
      {
        type: 'pause_clock',
        appealId: appeal.id,
        date: '2026-11-25',
        comment: '补充材料',
      },
      400,
      '重叠',
    );
    const heavier = await fire('leader', id, {
      type: 'decide_appeal',
      appealId: appeal.id,
      result: 'lighter',
      forms: [{ form: '党纪处分·撤销党内职务', mode: 'impose' }],
      comment: '改处',
    });
    expect(heavier.statusCode).toBe(422);
    expect(heavier.json().message).toContain('不得加重');
    await ok('wenze1', id, { type: 'execute', comment: '已在局党组会上宣布诫勉决定' });
    const lighter = await ok('leader', id, {
      type: 'decide_appeal',
      appealId: appeal.id,
      result: 'lighter',
      forms: [{ form: '通报', mode: 'impose' }],
      comment: '综合考虑其积极配合调查，改为通报',
    });
    expect(lighter.subjects[0].forms).toEqual([{ form: '通报', mode: 'impose' }]);
    expect(lighter.subjects[0].originalForms).toEqual([
      { form: '书面诫勉', mode: 'impose' },
      { form: '调整职务', mode: 'propose' },
    ]);
    expect(lighter.influencePeriods[0]).toMatchObject({ form: '书面诫勉', state: 'ended' });
  });

  it('is closed by a leader only after the follow-up visit, and its lessons become problems (以案促改)', async () => {
    const early = await fire('leader', id, { type: 'close' });
    expect(early.json()).toMatchObject({ code: 'FOLLOW_UP_MISSING' });
    expect(early.json().message).toContain('回访');
    expect((await get('leader', id)).actions).not.toContain('close');
    await ok('wenze1', id, { type: 'follow_up', comment: '回访时该同志表示认真吸取教训，工作作风明显改进' });
    const rec = await ok('wenze1', id, {
      type: 'recommend',
      unitId: zjj.id,
      comment: '全面排查在建工地安全隐患，建立隐患台账',
      deadline: '2026-12-31',
    });
    const problemId = rec.events.at(-1).payload.problemId;
    expect((await c.office.get(`/api/problems/${problemId}`)).json()).toMatchObject({ source: 'case', state: 'draft' });
    // The investigator cannot close the case alone (issue #20): the leaders approve it and are told it waits.
    expect((await get('wenze1', id)).actions).not.toContain('close');
    expect((await fire('wenze1', id, { type: 'close' })).statusCode).toBe(403);
    expect((await get('leader', id)).actions).toContain('close');
    const asked = (await c.leader.get('/api/notifications?pageSize=50')).json().items;
    expect(asked.map((n: { title: string }) => n.title)).toContain(
      `问责案件待批准结案：${(await get('leader', id)).title}`,
    );
    const closed = await ok('leader', id, { type: 'close' });
    expect(closed.state).toBe('closed');
  });

  it('spawns a linked case on the leaders’ responsibility (一案双查)', async () => {
    const parent = await get('leader', id);
    const res = await ok('wenze1', id, {
      type: 'recommend',
      unitId: zjj.id,
      comment: '举一反三',
      deadline: '2026-12-31',
    });
    expect(res.state).toBe('closed');
    const other = (await openCase()).id;
    await ok('leader', other, { type: 'approve_launch' });
    const spawned = await ok('wenze1', other, { type: 'spawn_dual', personIds: [zjj.leaderInChargePersonId] });
    const childId = spawned.events.at(-1).payload.childCaseId;
    const child = await get('wenze2', childId);
    expect(child).toMatchObject({ parentCaseId: other, situation: 8, sourceType: 'dual', state: 'proposed' });
    expect(parent.code).toMatch(/^WZ\d{4}-\d{4}$/);
  });
});

describe('influence periods end by themselves', () => {
  it('lifts a period past its end and tells 组织部', async () => {
    const { id } = await warnedSupervisionCase('政务处分影响期测试');
    const period = (await get('leader', id)).influencePeriods[0];
    expect(period).toMatchObject({ kind: 'sanction', endsOn: '2027-05-02' });
    await setClock('2027-05-02T02:00:00Z');
    await c.sysadmin.post('/api/jobs/influence-periods/run');
    expect((await get('leader', id)).influencePeriods[0].state).toBe('active'); // its last day
    await setClock('2027-05-03T02:00:00Z');
    await c.sysadmin.post('/api/jobs/influence-periods/run');
    expect((await get('leader', id)).influencePeriods[0]).toMatchObject({ state: 'ended', endReason: '期满自动解除' });
    const inbox = (await c.zuzhibu.get('/api/notifications')).json().items.map((n: { title: string }) => n.title);
    expect(inbox.some((x: string) => x.startsWith('影响期届满解除'))).toBe(true);
    await setClock('2026-11-02T02:00:00Z');
  });
});

describe('consistency, exemption and evaluation', () => {
  it('flags a decision far heavier than comparable cases', async () => {
    const decideWith = async (form: string) => {
      const id = (await openCase({ title: `尺度测试 ${form}`, situation: 10 })).id;
      const subjects = await investigate(id);
      await jointReview(id);
      return ok('leader', id, {
        type: 'decide',
        decisions: [
          { subjectId: subjects[0].id, forms: [{ form, mode: 'impose' }] },
          { subjectId: subjects[1].id, forms: [] },
        ],
      });
    };
    await decideWith('通报');
    await decideWith('通报');
    const heavy = await decideWith('党纪处分·留党察看');
    expect(heavy.consistency[0].message).toContain('明显偏重');
    const light = await decideWith('通报');
    expect(light.consistency).toEqual([]);
  });

  it('does not hold to account a subject exempted through fault tolerance', async () => {
    const id = (await openCase({ title: '容错免责测试', situation: 11 })).id;
    const subjects = await investigate(id, {
      outcome: 'exempt',
      reasons: '改革试点中的探索性失误，事前已备案',
      distinctions: { pilot: true, exploration: true, public_interest: true },
      positiveItems: ['reform_pilot', 'exploration'],
    });
    await jointReview(id);
    const punished = await fire('leader', id, {
      type: 'decide',
      decisions: subjects.map((s) => ({ subjectId: s.id, forms: [{ form: '通报', mode: 'impose' }] })),
    });
    expect(punished.statusCode).toBe(422);
    const exempt = await ok('leader', id, {
      type: 'decide',
      decisions: subjects.map((s) => ({ subjectId: s.id, forms: [] })),
    });
    expect(exempt.subjects.every((s: { formOfFour: number | null }) => s.formOfFour === null)).toBe(true);
    const figures = (await c.leader.get('/api/cases/figures')).json();
    expect(figures.tolerance).toEqual(expect.arrayContaining([expect.objectContaining({ outcome: 'exempt' })]));
    expect(figures.catchAllShare).toBeGreaterThan(0);
  });

  it('samples closed cases for evaluation and scores them per stage', async () => {
    const sample = { period: '2026-H2', size: 5, evaluatorUserIds: [userIds.caseoffice] };
    const sampled = (await c.caseoffice.post('/api/case-evaluations/sample', sample)).json();
    expect(sampled.sampled).toBeGreaterThanOrEqual(1);
    const again = (await c.caseoffice.post('/api/case-evaluations/sample', sample)).json();
    expect(again.sampled).toBe(0); // a case is sampled once per period
    const e = sampled.items[0];
    expect((await c.caseoffice.get(`/api/cases/${e.caseId}`)).statusCode).toBe(200); // the evaluator reads the file
    const tooHigh = await c.caseoffice.post(`/api/case-evaluations/${e.id}/score`, {
      version: e.version,
      scores: { launch: { basis: 11 } },
    });
    expect(tooHigh.statusCode).toBe(400);
    const scored = await c.caseoffice.post(`/api/case-evaluations/${e.id}/score`, {
      version: e.version,
      scores: { launch: { basis: 10, approval: 10 }, investigation: { team: 10, facts: 12, defense: 15 } },
      defects: '证据目录不完整',
      corrections: '已补充证据目录',
    });
    expect(scored.statusCode).toBe(200);
    expect(scored.json()).toMatchObject({ total: 57, state: 'scored' });
    const best = (await c.caseoffice.get('/api/case-evaluations?period=2026-H2&sort=-total&pageSize=2000')).json();
    const rows = await ledger('caseoffice', '/api/case-evaluations/export.xlsx?period=2026-H2&sort=-total', '案件评查');
    expect(rows.map((r) => r[0])).toEqual(best.items.map((x: { caseCode: string }) => x.caseCode));
    const { caseCode } = best.items.find((x: { id: string }) => x.id === e.id);
    expect(rows.find((r) => r[0] === caseCode)).toEqual(
      expect.arrayContaining(['2026-H2', '已评分', '57', '证据目录不完整', '已补充证据目录']),
    );
    expect((await c.caseoffice.post('/api/case-evaluations/sample', { ...sample, period: '2026-13' })).statusCode).toBe(
      400,
    );
  });
});

describe('appeal clocks count from the day the decision was received (监察法第四十九条 “自收到…之日”)', () => {
  it('accepts a 复审 filed more than a month after the decision but within a month of service', async () => {
    await setClock('2026-11-02T02:00:00Z');
    const { id, subjects } = await warnedSupervisionCase('送达起算测试');
    await setClock('2026-12-10T02:00:00Z');
    await ok('wenze1', id, service(subjects[0].id, '2026-11-16', 'left'));
    const filed = await ok('wenze1', id, {
      type: 'appeal',
      subjectId: subjects[0].id,
      appealKind: 'reexamination',
      filedOn: '2026-12-10',
      comment: '申请复审',
    });
    expect(filed.appeals[0]).toMatchObject({ fileDeadline: '2026-12-16', filedOn: '2026-12-10' });
    // The 复审 decision clock runs into 2027, a year without a published schedule: the page says so.
    expect(filed.appeals[0].decideDeadline).toMatch(/^2027-/);
    expect(filed.clockNote.provisional).toBe(true);
    expect(filed.clockNote.provisionalNote).toContain('2027年');
    await setClock('2026-11-02T02:00:00Z');
  });
});

describe('case clocks as readable rules', () => {
  it('lists each clock with what starts it, its period and its source', async () => {
    const res = await c.caseoffice.get('/api/cases/rules/clocks');
    expect(res.statusCode, res.body).toBe(200);
    const appeal = res.json().items.find((i: { key: string }) => i.key === 'appealFile');
    expect(appeal).toMatchObject({ period: '1个月', startsFrom: expect.stringContaining('送达') });
    expect(appeal.source).toContain('问责条例');
    expect((await c.zuzhibu.get('/api/cases/rules/clocks')).statusCode).toBe(403);
  });
});
