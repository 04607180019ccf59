/** Access-matrix cases for accountability cases (see server/test/access-matrix.test.ts). */
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../platform/auth/auth.tables.js';
import { ALL, type AccessCases, type User, demoRegion, env, json, upload } from '../access.js';
import { caseEvaluations, caseFiles, caseMembers, caseSubjects, cases } from '../../modules/cases/cases.tables.js';

const READERS: User[] = ['leader', 'office', 'caseoffice'];
const MANAGERS: User[] = ['leader', 'caseoffice'];
/** A case's officers (caseoffice is on the fixture case) and the leader; everyone else gets 404. */
const ON_CASE: User[] = ['leader', 'caseoffice'];
const NOT_ON_CASE = ALL.filter((u) => !ON_CASE.includes(u));

async function userId(username: string) {
  const [u] = await env.t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u.id;
}

/** A case investigated by caseoffice and wenze1, of the demo region or another one (the leaders see it, off its team). */
async function freshCase(f: { personId: string }, opts: { other?: boolean; decided?: boolean } = {}) {
  const db = env.t.database.db;
  const [c] = await db
    .insert(cases)
    .values({
      regionId: opts.other ? crypto.randomUUID() : await demoRegion(),
      code: `T-${crypto.randomBytes(4).toString('hex')}`,
      kind: 'party',
      title: '测试案件',
      situation: 11,
      sourceType: 'manual',
      ...(opts.decided ? { state: 'decided', decisionDate: '2026-11-02', decidedAt: new Date() } : {}),
    })
    .returning();
  await db.insert(caseMembers).values([
    { caseId: c.id, userId: await userId('caseoffice'), role: 'investigator' },
    { caseId: c.id, userId: await userId('wenze1'), role: 'investigator' },
  ]);
  const [s] = await db
    .insert(caseSubjects)
    .values({ caseId: c.id, seq: 1, subjectType: 'person', personId: f.personId, name: '测试对象' })
    .returning();
  return { ...c, subjectId: s.id };
}
const otherCase = () => freshCase({ personId: crypto.randomUUID() }, { other: true });

/** A decided case of the demo region nobody but the leaders is on: a precedent of every fresh case. */
let secret: Promise<{ code: string }> | undefined;
function secretPrecedent() {
  secret ??= (async () => {
    const db = env.t.database.db;
    const [c] = await db
      .insert(cases)
      .values({
        regionId: await demoRegion(),
        code: `SECRET-${crypto.randomBytes(4).toString('hex')}`,
        kind: 'party',
        title: '保密先例',
        situation: 11,
        sourceType: 'manual',
        state: 'decided',
        decisionDate: '2026-10-01',
        decidedAt: new Date(),
      })
      .returning();
    await db.insert(caseSubjects).values({
      caseId: c.id,
      seq: 1,
      subjectType: 'person',
      name: '保密先例对象',
      forms: [{ form: '通报', mode: 'impose' }],
    });
    return c;
  })();
  return secret;
}

async function fileOf(caseId: string) {
  const [row] = await env.t.database.db
    .insert(caseFiles)
    .values({
      caseId,
      fact: 'problem',
      name: '证据.txt',
      mime: 'text/plain',
      size: 2,
      sha256: 'x',
      content: Buffer.from('证据'),
    })
    .returning();
  return row;
}

/** An evaluation of a fresh case; caseoffice is its named evaluator (and the leader organised it). */
async function evaluation(other = false) {
  const c = await freshCase({ personId: crypto.randomUUID() }, { other });
  const db = env.t.database.db;
  await db.insert(caseMembers).values({ caseId: c.id, userId: await userId('caseoffice'), role: 'evaluator' });
  const [e] = await db
    .insert(caseEvaluations)
    .values({ regionId: c.regionId, period: '2026-H2', caseId: c.id })
    .returning();
  return e;
}

const evidence = async (id: string) => upload(`/api/cases/${id}/files`, '证据.png', { fact: 'problem' });

export const casesAccessCases: AccessCases = {
  'GET /api/cases': { in: () => json('GET', '/api/cases'), allow: READERS },
  'GET /api/cases/export.xlsx': { in: () => json('GET', '/api/cases/export.xlsx?state=closed'), allow: READERS },
  'POST /api/cases': {
    in: (f) =>
      json('POST', '/api/cases', {
        kind: 'party',
        title: '矩阵测试案件',
        situation: 11,
        sourceType: 'manual',
        subjects: [{ subjectType: 'person', personId: f.personId }],
      }),
    allow: MANAGERS,
    ok: 201,
    // Issue #21: the source is an object the caller sees (here: another region's case, for 一案双查).
    links: [
      {
        name: 'from a source the caller cannot see',
        req: async (_o, f) =>
          json('POST', '/api/cases', {
            kind: 'party',
            title: '矩阵测试案件',
            situation: 11,
            sourceType: 'dual',
            sourceId: (await otherCase()).id,
            subjects: [{ subjectType: 'person', personId: f.personId }],
          }),
        status: 422,
      },
    ],
  },
  'GET /api/cases/officers': { in: () => json('GET', '/api/cases/officers'), allow: MANAGERS },
  'GET /api/cases/figures': { in: () => json('GET', '/api/cases/figures'), allow: MANAGERS },
  'GET /api/cases/rules/clocks': { in: () => json('GET', '/api/cases/rules/clocks'), allow: READERS },
  'GET /api/cases/:id': {
    in: async (f) => json('GET', `/api/cases/${(await freshCase(f)).id}`),
    out: async () => json('GET', `/api/cases/${(await otherCase()).id}`),
    allow: ON_CASE,
    hidden: NOT_ON_CASE,
  },
  'POST /api/cases/:id/events': {
    in: async (f) => {
      const c = await freshCase(f);
      return json('POST', `/api/cases/${c.id}/events`, { type: 'approve_launch', version: c.version });
    },
    out: async () => {
      const c = await otherCase();
      return json('POST', `/api/cases/${c.id}/events`, { type: 'approve_launch', version: c.version });
    },
    allow: ['leader'],
    seenBy: ['caseoffice'],
    hidden: NOT_ON_CASE,
  },
  'POST /api/cases/:id/consistency': {
    in: async (f) => {
      await secretPrecedent();
      const c = await freshCase(f);
      return json('POST', `/api/cases/${c.id}/consistency`, { subjectId: c.subjectId, forms: [] });
    },
    out: async () => {
      const c = await otherCase();
      return json('POST', `/api/cases/${c.id}/consistency`, { subjectId: c.subjectId, forms: [] });
    },
    allow: ON_CASE,
    hidden: NOT_ON_CASE,
    // Side door (issue #21): a precedent the caller may not read is anonymised; the leader reads them all.
    body: async (answer, user) => {
      const { code } = await secretPrecedent();
      const text = JSON.stringify(answer);
      if (user === 'leader') expect(text).toContain(code);
      else {
        expect(text).not.toContain(code);
        expect(text).not.toContain('保密先例');
      }
    },
  },
  'POST /api/cases/:id/files': {
    in: async (f) => evidence((await freshCase(f)).id),
    out: async () => evidence((await otherCase()).id),
    // Evidence is the team's (issue #20): a leader off the team sees the case but does not investigate it.
    allow: ['caseoffice'],
    seenBy: ['leader'],
    hidden: NOT_ON_CASE,
    ok: 201,
  },
  'GET /api/cases/:id/files/:fileId': {
    in: async (f) => {
      const c = await freshCase(f);
      return json('GET', `/api/cases/${c.id}/files/${(await fileOf(c.id)).id}`);
    },
    out: async () => {
      const c = await otherCase();
      return json('GET', `/api/cases/${c.id}/files/${(await fileOf(c.id)).id}`);
    },
    allow: ON_CASE,
    hidden: NOT_ON_CASE,
  },
  'GET /api/cases/:id/documents/decision.docx': {
    in: async (f) => json('GET', `/api/cases/${(await freshCase(f, { decided: true })).id}/documents/decision.docx`),
    out: async () =>
      json(
        'GET',
        `/api/cases/${(await freshCase({ personId: crypto.randomUUID() }, { other: true, decided: true })).id}/documents/decision.docx`,
      ),
    allow: ON_CASE,
    hidden: NOT_ON_CASE,
  },
  'GET /api/influence-periods': {
    in: () => json('GET', '/api/influence-periods'),
    allow: ['leader', 'caseoffice', 'zuzhibu'],
  },
  'GET /api/influence-periods/export.xlsx': {
    in: () => json('GET', '/api/influence-periods/export.xlsx?sort=-endsOn'),
    allow: ['leader', 'caseoffice', 'zuzhibu'],
  },
  'GET /api/people/:id/influence-periods': {
    in: (f) => json('GET', `/api/people/${f.personId}/influence-periods`),
    out: (o) => json('GET', `/api/people/${o.personId}/influence-periods`),
    allow: ['leader', 'caseoffice', 'zuzhibu'],
  },
  'GET /api/case-evaluations': { in: () => json('GET', '/api/case-evaluations'), allow: MANAGERS },
  'GET /api/case-evaluations/export.xlsx': {
    in: () => json('GET', '/api/case-evaluations/export.xlsx?period=2026-H2'),
    allow: MANAGERS,
  },
  // Side door (issue #21): sampling names its evaluators, and only the organisers (leader, 审理室) sample.
  'POST /api/case-evaluations/sample': {
    in: async () =>
      json('POST', '/api/case-evaluations/sample', {
        period: '2026-H2',
        size: 1,
        evaluatorUserIds: [await userId('caseoffice')],
      }),
    allow: MANAGERS,
    ok: 201,
  },
  'POST /api/case-evaluations/:id/score': {
    in: async () => {
      const e = await evaluation();
      return json('POST', `/api/case-evaluations/${e.id}/score`, { version: e.version, scores: {} });
    },
    out: async () => {
      const e = await evaluation(true);
      return json('POST', `/api/case-evaluations/${e.id}/score`, { version: e.version, scores: {} });
    },
    // Only the named evaluator scores; the leader sees the evaluation but does not score it.
    allow: ['caseoffice'],
    seenBy: ['leader'],
  },
};
