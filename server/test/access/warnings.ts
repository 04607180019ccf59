/** Access-matrix cases for simulated accountability (see server/test/access-matrix.test.ts). */
import crypto from 'node:crypto';
import { type AccessCases, type User, demoRegion, env, freshUnit, json } from '../access.js';
import { PROBLEM_READERS } from './problems.js';
import { problems } from '../../modules/problems/problems.tables.js';
import { situations, warnings } from '../../modules/warnings/warnings.tables.js';

const MANAGERS: User[] = ['leader', 'office'];
const future = '2030-01-01';

async function problemIn(unitId: string, regionId?: string) {
  const [p] = await env.t.database.db
    .insert(problems)
    .values({
      regionId: regionId ?? (await demoRegion()),
      code: `T-${crypto.randomBytes(4).toString('hex')}`,
      title: '测试问题',
      source: 'daily',
      unitId,
      state: 'rectifying',
      deadline: future,
    })
    .returning();
  return p;
}

/** An issued warning on a fresh problem of `unitId` (another region's when `other`). */
async function issuedWarning(unitId: string, other = false) {
  const regionId = other ? crypto.randomUUID() : await demoRegion();
  const p = await problemIn(unitId, regionId);
  const [s] = await env.t.database.db.select().from(situations).limit(1);
  const [w] = await env.t.database.db
    .insert(warnings)
    .values({
      regionId,
      code: `T-${crypto.randomBytes(4).toString('hex')}`,
      situationId: s.id,
      problemId: p.id,
      unitId,
      fingerprint: `${s.id}:${p.id}`,
      state: 'issued',
      facts: {},
      people: [],
      deadline: future,
      firstSeenAt: new Date(),
      lastSeenAt: new Date(),
      issuedAt: new Date(),
    })
    .returning();
  return w;
}
const otherWarning = async () => issuedWarning((await freshUnit(crypto.randomUUID())).id, true);
const anySituation = async () => (await env.t.database.db.select().from(situations).limit(1))[0];
const situationBody = () => ({
  code: `T-${crypto.randomBytes(3).toString('hex')}`,
  name: '测试情形',
  article: 11,
  responsibleRoles: [{ who: 'unit_principal', responsibility: '主要领导责任', duty: '决策责任' }],
  forms: ['通报'],
  rectifyDays: 5,
  rule: { field: 'reopen_count', op: '>=', value: 3 },
});

export const warningsAccessCases: AccessCases = {
  'GET /api/situations': { in: () => json('GET', '/api/situations'), allow: PROBLEM_READERS },
  'GET /api/situations/export.xlsx': {
    in: () => json('GET', '/api/situations/export.xlsx'),
    allow: PROBLEM_READERS,
  },
  'POST /api/situations': { in: () => json('POST', '/api/situations', situationBody()), allow: MANAGERS, ok: 201 },
  'POST /api/situations/preview': {
    in: () => json('POST', '/api/situations/preview', { rule: { field: 'reopen_count', op: '>=', value: 1 } }),
    allow: MANAGERS,
  },
  'GET /api/situations/:id': {
    in: async () => json('GET', `/api/situations/${(await anySituation()).id}`),
    out: () => json('GET', `/api/situations/${crypto.randomUUID()}`),
    allow: PROBLEM_READERS,
  },
  'PATCH /api/situations/:id': {
    in: async () => {
      const s = await anySituation();
      return json('PATCH', `/api/situations/${s.id}`, { version: s.version, rectifyDays: s.rectifyDays });
    },
    out: () => json('PATCH', `/api/situations/${crypto.randomUUID()}`, { version: 1 }),
    allow: MANAGERS,
  },
  'GET /api/situations/:id/preview': {
    in: async () => json('GET', `/api/situations/${(await anySituation()).id}/preview`),
    out: () => json('GET', `/api/situations/${crypto.randomUUID()}/preview`),
    allow: MANAGERS,
  },
  'GET /api/warnings': { in: () => json('GET', '/api/warnings'), allow: PROBLEM_READERS },
  'GET /api/warnings/export.xlsx': { in: () => json('GET', '/api/warnings/export.xlsx'), allow: PROBLEM_READERS },
  'GET /api/warnings/figures': { in: () => json('GET', '/api/warnings/figures'), allow: MANAGERS },
  'GET /api/warnings/what-if': {
    in: async (f) => json('GET', `/api/warnings/what-if?problemId=${(await problemIn(f.unitId)).id}&date=2030-06-01`),
    out: async () =>
      json(
        'GET',
        `/api/warnings/what-if?problemId=${(await problemIn((await freshUnit(crypto.randomUUID())).id, crypto.randomUUID())).id}&date=2030-06-01`,
      ),
    allow: PROBLEM_READERS,
  },
  'GET /api/warnings/:id': {
    in: async (f) => json('GET', `/api/warnings/${(await issuedWarning(f.unitId)).id}`),
    out: async () => json('GET', `/api/warnings/${(await otherWarning()).id}`),
    allow: PROBLEM_READERS,
  },
  'POST /api/warnings/:id/events': {
    in: async (f) => {
      const w = await issuedWarning(f.unitId);
      return json('POST', `/api/warnings/${w.id}/events`, { type: 'answer', version: w.version, comment: '整改方案' });
    },
    out: async () => {
      const w = await otherWarning();
      return json('POST', `/api/warnings/${w.id}/events`, { type: 'answer', version: w.version, comment: '整改方案' });
    },
    allow: ['zhujian', 'zhujian.head'],
    seenBy: PROBLEM_READERS,
  },
  'GET /api/warnings/:id/documents/reminder.docx': {
    in: async (f) => json('GET', `/api/warnings/${(await issuedWarning(f.unitId)).id}/documents/reminder.docx`),
    out: async () => json('GET', `/api/warnings/${(await otherWarning()).id}/documents/reminder.docx`),
    allow: PROBLEM_READERS,
  },
};
