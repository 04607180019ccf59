import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, userIdsOf, unitByCode } from '../../test/harness.js';
import { caseEvents } from './cases.fixtures.js';

/**
 * Separation of duties (issue #20): the team investigates, the 联审 signers review, the commission leaders approve,
 * decide and approve the closing — and nobody does two of these on one case. `actions` offers exactly what the
 * server then accepts.
 */
let t: TestApp;
const c: Record<string, Client> = {};
let ids: Record<string, string>;
let personId: string;
const USERS = ['leader', 'office', 'caseoffice', 'anguan', 'wenze1', 'wenze2'];

const { get, fire, ok } = caseEvents(c);
const open = (u: string, teamUserIds: string[], title = '查审分离测试案件') =>
  c[u].post('/api/cases', {
    kind: 'party',
    sourceType: 'manual',
    title,
    situation: 11,
    subjects: [{ subjectType: 'person', personId }],
    teamUserIds,
  });
/** Puts `username` on the team of a case behind the API's back (data from before the rule). */
const onTeam = (caseId: string, username: string) =>
  t.database.query(`INSERT INTO case_members (case_id, user_id, role) VALUES ($1, $2, 'investigator')`, [
    caseId,
    ids[username],
  ]);

/**
 * Events whose handler asks for input: fired without it, an event the guards allow answers 400 (the handler's
 * field check, nothing written) and one they refuse answers 403 or 422. So `actions` must hold exactly the events
 * that answer 400, for every user who can open the case.
 */
const PROBES = [
  'reject_launch',
  'record_facts',
  'record_defense',
  'request_prereview',
  'sign_joint_review',
  'decide',
  'execute',
  'follow_up',
  'correct',
  'recommend',
  'spawn_dual',
  'change_team',
];
async function offersOnlyWhatSucceeds(id: string) {
  for (const u of USERS) {
    const res = await c[u].get(`/api/cases/${id}`);
    if (res.statusCode === 404) continue;
    const { actions, version, state } = res.json();
    for (const type of PROBES) {
      const answer = await c[u].post(`/api/cases/${id}/events`, { type, version });
      expect(answer.statusCode === 400, `${state} ${u} ${type}: ${answer.body}`).toBe(actions.includes(type));
    }
  }
}

beforeAll(async () => {
  t = await createTestApp();
  await t.setClock('2026-11-02T02:00:00Z');
  for (const u of USERS) c[u] = await t.as(u);
  ids = await userIdsOf(t);
  const zjj = await unitByCode(c.office, 'ZJJ');
  personId = zjj.principalPersonId;
});
afterAll(() => t.close());

describe('the team picker', () => {
  it('shows each officer’s office and part, and why leaders and 联审 signers cannot join a team', async () => {
    const res = await c.wenze1.get('/api/cases/officers');
    expect(res.statusCode).toBe(200);
    const byId = new Map(res.json().items.map((o: { userId: string }) => [o.userId, o]));
    expect(byId.get(ids.wenze2)).toMatchObject({
      unitName: '案件监督管理室',
      roleLabel: '调查人员',
      teamRefusal: null,
    });
    expect(byId.get(ids.leader)).toMatchObject({ roleLabel: '委领导', teamRefusal: expect.stringContaining('委领导') });
    expect(byId.get(ids.anguan)).toMatchObject({
      unitName: '案件监督管理室',
      roleLabel: '联审签署人',
      teamRefusal: expect.stringContaining('案件监督管理室联审签署人'),
    });
    expect(byId.get(ids.caseoffice)).toMatchObject({ unitName: '案件审理室', roleLabel: '联审签署人' });
    // Same people as before: the route still answers only who may manage cases.
    expect((await c.office.get('/api/cases/officers')).statusCode).toBe(403);
  });
});

describe('opening a case', () => {
  it('refuses a 联审 signer or a commission leader on the team (422 TEAM_SEPARATION)', async () => {
    for (const u of ['anguan', 'caseoffice', 'leader']) {
      const res = await open('wenze1', [ids.wenze2, ids[u]]);
      expect(res.statusCode, u).toBe(422);
      expect(res.json()).toMatchObject({ code: 'TEAM_SEPARATION', field: 'teamUserIds' });
      expect(res.json().message).toMatch(/联审签署人|委领导/);
    }
  });

  it('lets a signer or a leader open a case without joining its team', async () => {
    const bySigner = await open('caseoffice', [ids.wenze1, ids.wenze2], '审理室立项测试');
    expect(bySigner.statusCode, bySigner.body).toBe(201);
    const members = bySigner.json().members.map((m: { userId: string; role: string }) => [m.userId, m.role]);
    expect(members).toEqual(
      expect.arrayContaining([
        [ids.wenze1, 'investigator'],
        [ids.wenze2, 'investigator'],
        [ids.caseoffice, 'opener'],
      ]),
    );
    expect(members).not.toContainEqual([ids.caseoffice, 'investigator']);
    const byLeader = await open('leader', [ids.wenze1, ids.wenze2], '委领导立项测试');
    expect(byLeader.statusCode, byLeader.body).toBe(201);
    expect(byLeader.json().members.map((m: { userId: string }) => m.userId)).not.toContain(ids.leader);
    // The leader approves a case they opened but do not investigate; the signer cannot investigate theirs.
    const launched = await ok('leader', byLeader.json().id, { type: 'approve_launch' });
    expect(launched.state).toBe('investigating');
    await ok('leader', bySigner.json().id, { type: 'approve_launch' });
    const facts = await fire('caseoffice', bySigner.json().id, { type: 'record_facts', facts: { problem: '事实' } });
    expect(facts.statusCode).toBe(403);
  });
});

describe('a case whose team includes a commission leader', () => {
  let id: string;

  it('is not launched by that leader, and the leader investigates only as a member', async () => {
    id = (await open('wenze1', [ids.wenze2])).json().id;
    const other = (await open('wenze1', [ids.wenze2])).json().id;
    await onTeam(id, 'leader');
    await offersOnlyWhatSucceeds(id);
    expect((await get('leader', id)).actions).not.toContain('approve_launch');
    const launch = await fire('leader', id, { type: 'approve_launch' });
    expect(launch.statusCode).toBe(403);
    expect(launch.json()).toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    expect(launch.json().message).toContain('调查组成员');
    // Off the team, the leader launches but does not investigate.
    await ok('leader', other, { type: 'approve_launch' });
    expect((await get('leader', other)).actions).toEqual(['change_team']);
    expect((await fire('leader', other, { type: 'record_facts', facts: { problem: '事实' } })).statusCode).toBe(403);
    expect((await fire('leader', other, { type: 'spawn_dual', personIds: [personId] })).statusCode).toBe(403);
  });

  it('is reviewed and decided by nobody on its team, and closed only by a leader off it', async () => {
    // Launched before the leader joined (as data from before the rule could have it).
    await t.database.query(`DELETE FROM case_members WHERE case_id = $1 AND user_id = $2`, [id, ids.leader]);
    await ok('leader', id, { type: 'approve_launch' });
    await onTeam(id, 'leader');
    await onTeam(id, 'anguan');
    await offersOnlyWhatSucceeds(id);
    await ok('leader', id, {
      type: 'record_facts',
      facts: { problem: '问题事实', result: '结果事实', responsibility: '责任事实', causation: '因果事实' },
    });
    await ok('wenze1', id, { type: 'issue_statement' });
    const [subject] = (await get('wenze1', id)).subjects;
    await ok('wenze2', id, { type: 'record_defense', subjectId: subject.id, defense: '无异议', signed: true });
    await ok('wenze1', id, {
      type: 'determine',
      determinations: [{ subjectId: subject.id, responsibility: 'main_leadership', duty: 'supervision' }],
    });
    // 联审 goes to the signers off the team: anguan investigated, so 案件监督管理室 has no reviewer here.
    const reviewers = (await get('wenze1', id)).members.filter((m: { role: string }) => m.role === 'reviewer');
    expect(reviewers.map((m: { userId: string }) => m.userId).sort()).toEqual([ids.office, ids.caseoffice].sort());
    await offersOnlyWhatSucceeds(id);
    expect((await get('anguan', id)).actions).not.toContain('sign_joint_review');
    const signOwn = await fire('anguan', id, { type: 'sign_joint_review', office: 'ag', comment: '同意' });
    expect(signOwn.statusCode).toBe(403);
    await ok('office', id, { type: 'sign_joint_review', comment: '同意' });
    await ok('caseoffice', id, { type: 'sign_joint_review', comment: '定性准确' });
    // The leader on the team cannot decide, whatever else is missing.
    expect((await get('leader', id)).actions).not.toContain('decide');
    const decide = await fire('leader', id, {
      type: 'decide',
      decisions: [{ subjectId: subject.id, forms: [{ form: '通报', mode: 'impose' }] }],
    });
    expect(decide.statusCode).toBe(403);
    expect(decide.json()).toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    expect(decide.json().message).toContain('作出决定');
  });

  it('is closed by a leader off the team once the follow-up is recorded', async () => {
    // The same steps on a case of a team without a leader, up to execution.
    const other = (await open('wenze1', [ids.wenze2])).json().id;
    await ok('leader', other, { type: 'approve_launch' });
    await ok('wenze1', other, {
      type: 'record_facts',
      facts: { problem: '问题事实', result: '结果事实', responsibility: '责任事实', causation: '因果事实' },
    });
    await ok('wenze1', other, { type: 'issue_statement' });
    const [subject] = (await get('wenze1', other)).subjects;
    await ok('wenze2', other, { type: 'record_defense', subjectId: subject.id, defense: '无异议', signed: true });
    await ok('wenze1', other, {
      type: 'determine',
      determinations: [{ subjectId: subject.id, responsibility: 'main_leadership', duty: 'supervision' }],
    });
    for (const u of ['office', 'anguan', 'caseoffice'])
      await ok(u, other, { type: 'sign_joint_review', comment: '同意' });
    await ok('leader', other, {
      type: 'decide',
      decisions: [{ subjectId: subject.id, forms: [{ form: '通报', mode: 'impose' }] }],
    });
    await offersOnlyWhatSucceeds(other);
    await ok('wenze1', other, { type: 'execute', comment: '已通报' });
    await offersOnlyWhatSucceeds(other);
    expect((await get('leader', other)).actions).not.toContain('close');
    expect((await get('wenze1', other)).actions).not.toContain('close');
    await ok('wenze1', other, { type: 'follow_up', comment: '回访：已整改' });
    await offersOnlyWhatSucceeds(other);
    expect((await get('wenze1', other)).actions).not.toContain('close');
    const alone = await fire('wenze1', other, { type: 'close' });
    expect(alone.statusCode).toBe(403);
    // A leader who joined the team cannot approve the closing either.
    await onTeam(other, 'leader');
    expect((await get('leader', other)).actions).not.toContain('close');
    expect((await fire('leader', other, { type: 'close' })).json()).toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    await t.database.query(`DELETE FROM case_members WHERE case_id = $1 AND user_id = $2`, [other, ids.leader]);
    expect((await get('leader', other)).actions).toContain('close');
    expect((await ok('leader', other, { type: 'close' })).state).toBe('closed');
  });
});

describe('changing the team after 立项', () => {
  it('lets a leader complete a team short of two, so the case can be launched', async () => {
    const res = await open('leader', [ids.wenze1], '调整调查组测试');
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await get('leader', id)).actions).toEqual(expect.arrayContaining(['change_team']));
    expect((await get('leader', id)).actions).not.toContain('approve_launch');
    await offersOnlyWhatSucceeds(id);
    // Only a leader composes the team: the investigator is refused by the table (403).
    expect((await fire('wenze1', id, { type: 'change_team', teamUserIds: [ids.wenze1, ids.wenze2] })).statusCode).toBe(
      403,
    );
    const refusals: [string[], number, string][] = [
      [[ids.wenze1], 400, 'TEAM_TOO_SMALL'],
      [[ids.wenze1, ids.anguan], 422, 'TEAM_SEPARATION'],
      [[ids.wenze1, ids.leader], 422, 'TEAM_SEPARATION'],
      [[ids.wenze1, ids.office], 400, 'TEAM_INVALID'],
    ];
    for (const [teamUserIds, status, code] of refusals) {
      const answer = await fire('leader', id, { type: 'change_team', teamUserIds });
      expect(answer.statusCode, answer.body).toBe(status);
      expect(answer.json()).toMatchObject({ code, field: 'teamUserIds' });
    }
    const changed = await ok('leader', id, {
      type: 'change_team',
      teamUserIds: [ids.wenze1, ids.wenze2],
      comment: '补充调查人员',
    });
    expect(changed.members).toContainEqual(expect.objectContaining({ userId: ids.wenze2, role: 'investigator' }));
    const event = changed.events.at(-1);
    expect(event).toMatchObject({ type: 'change_team', typeLabel: '调整调查组', payload: { added: [ids.wenze2] } });
    expect(event.comment).toMatch(/^加入：.+；补充调查人员$/);
    // The officer added sees the case and is told.
    expect((await c.wenze2.get(`/api/cases/${id}`)).statusCode).toBe(200);
    const told = (await c.wenze2.get('/api/notifications?pageSize=100')).json().items;
    expect(told).toContainEqual(
      expect.objectContaining({ title: '您已加入问责案件调查组：调整调查组测试', link: `/cases/${id}` }),
    );
    expect(
      (await fire('leader', id, { type: 'change_team', teamUserIds: [ids.wenze2, ids.wenze1] })).json(),
    ).toMatchObject({ code: 'TEAM_UNCHANGED' });
    expect((await ok('leader', id, { type: 'approve_launch' })).state).toBe('investigating');
  });

  it('takes off the team a signer who was on it before the rule, and the case leaves their reach', async () => {
    const id = (await open('wenze1', [ids.wenze2], '查审分离纠正测试')).json().id;
    await ok('leader', id, { type: 'approve_launch' });
    await onTeam(id, 'caseoffice');
    expect((await c.caseoffice.get(`/api/cases/${id}`)).statusCode).toBe(200);
    const changed = await ok('leader', id, { type: 'change_team', teamUserIds: [ids.wenze1, ids.wenze2] });
    expect(changed.events.at(-1).payload).toEqual({ added: [], removed: [ids.caseoffice] });
    expect(changed.events.at(-1).comment).toMatch(/^退出：/);
    expect(changed.members.map((m: { userId: string }) => m.userId)).not.toContain(ids.caseoffice);
    expect((await c.caseoffice.get(`/api/cases/${id}`)).statusCode).toBe(404);
  });
});
