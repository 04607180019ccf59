/** Access-matrix cases for the 问责建议 queue (see server/test/access-matrix.test.ts). */
import crypto from 'node:crypto';
import { type AccessCases, type User, demoRegion, env, json } from '../access.js';
import { accountabilityProposals } from '../../modules/cases/cases.proposals.tables.js';

/** The intake (case office, commission leaders) and the office whose problems proposed (its outcome). */
const READERS: User[] = ['leader', 'office', 'caseoffice'];
const INTAKE: User[] = ['leader', 'caseoffice'];

/** A pending proposal from a problem of the demo county (another region's when `other`). */
async function proposal(unitId: string, other = false) {
  const [p] = await env.t.database.db
    .insert(accountabilityProposals)
    .values({
      regionId: other ? crypto.randomUUID() : await demoRegion(),
      code: `WZJY-T-${crypto.randomBytes(4).toString('hex')}`,
      sourceType: 'problem',
      sourceId: crypto.randomUUID(),
      sourceCode: 'WT-TEST',
      sourceTitle: '测试问题',
      unitId,
      subjects: [{ subjectType: 'unit', unitId, name: '测试单位' }],
      situation: 8,
      reason: '逾期未整改',
      evidence: [{ kind: 'problem', label: '测试问题' }],
      sourcePermission: 'problems:manage',
      proposedByName: '系统',
    })
    .returning();
  return p;
}

const decline = (p: { id: string; version: number }) =>
  json('POST', `/api/accountability-proposals/${p.id}/events`, {
    type: 'decline',
    version: p.version,
    comment: '情节轻微，不予立案',
  });

export const proposalsAccessCases: AccessCases = {
  'GET /api/accountability-proposals': { in: () => json('GET', '/api/accountability-proposals'), allow: READERS },
  'GET /api/accountability-proposals/export.xlsx': {
    in: () => json('GET', '/api/accountability-proposals/export.xlsx?state=pending'),
    allow: READERS,
  },
  'GET /api/accountability-proposals/:id': {
    in: async (f) => json('GET', `/api/accountability-proposals/${(await proposal(f.unitId)).id}`),
    out: async (o) => json('GET', `/api/accountability-proposals/${(await proposal(o.unitId, true)).id}`),
    allow: READERS,
  },
  'POST /api/accountability-proposals/:id/events': {
    in: async (f) => decline(await proposal(f.unitId)),
    out: async (o) => decline(await proposal(o.unitId, true)),
    allow: INTAKE,
    seenBy: ['office'],
  },
};
