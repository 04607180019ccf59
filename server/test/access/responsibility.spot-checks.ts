/** Access-matrix cases for 定期抽查制 (/api/spot-checks and the verdicts on a report). */
import crypto from 'node:crypto';
import { spotCheckVerdicts, spotChecks } from '../../modules/responsibility/responsibility.spot-checks.tables.js';
import { dispatchItems, dispatches } from '../../modules/responsibility/responsibility.tables.js';
import { type AccessCases, type Fixture, type User, env, json } from '../access.js';
import { reportRow } from './responsibility.js';

/** Those who run spot checks, and 组织部, which reads them. */
const MANAGERS: User[] = ['leader', 'office'];
const READERS: User[] = [...MANAGERS, 'zuzhibu'];
/** They read 明责 but not spot checks: the checks do not exist for them. */
const HIDDEN: User[] = ['paizhu1', 'zhujian', 'zhujian.head', 'fuxianzhang'];
const db = () => env.t.database.db;

/** A spot check in `state`, with one sampled item judged `verdict` (when given) on a report of the fixture unit. */
async function check(f: Fixture, user: User, state: string, other = false, verdict?: string) {
  const r = await reportRow(f, user, other, 'submitted');
  const [c] = await db()
    .insert(spotChecks)
    .values({
      regionId: r.regionId,
      code: `CCT-${crypto.randomBytes(5).toString('hex')}`,
      year: 2026,
      quarter: 1,
      title: '测试抽查',
      sampleSize: 1,
      seed: 'access',
      state,
    })
    .returning();
  if (verdict === undefined) return { c, v: null };
  const [d] = await db()
    .insert(dispatches)
    .values({
      regionId: r.regionId,
      code: `PDT-${crypto.randomBytes(5).toString('hex')}`,
      kind: 'quarterly',
      year: 2026,
      quarter: 1,
      recipientKind: r.recipientKind,
      recipientPersonId: r.recipientPersonId,
      unitId: r.unitId,
      title: '测试派单',
      state: 'received',
    })
    .returning();
  const [item] = await db()
    .insert(dispatchItems)
    .values({ dispatchId: d.id, regionId: r.regionId, content: '测试事项', deadline: '2026-03-31' })
    .returning();
  const [v] = await db()
    .insert(spotCheckVerdicts)
    .values({
      spotCheckId: c.id,
      reportId: r.id,
      dispatchItemId: item.id,
      seq: 1,
      verdict: verdict || null,
      comment: verdict ? '核查意见' : '',
    })
    .returning();
  return { c, v };
}

const verdictUrl = async (f: Fixture, u: User, state: string, other: boolean, verdict: string, tail = '') => {
  const { c, v } = await check(f, u, state, other, verdict);
  return `/api/spot-checks/${c.id}/verdicts/${v?.id}${tail}`;
};

export const spotCheckAccessCases: AccessCases = {
  'GET /api/spot-checks': { in: () => json('GET', '/api/spot-checks?year=2026'), allow: READERS, hidden: HIDDEN },
  'GET /api/spot-checks/export.xlsx': {
    in: () => json('GET', '/api/spot-checks/export.xlsx?quarter=1'),
    allow: READERS,
    hidden: HIDDEN,
  },
  'POST /api/spot-checks': {
    in: () => json('POST', '/api/spot-checks', { year: 2026, quarter: 1, samplePercent: 10 }),
    allow: MANAGERS,
    ok: 201,
  },
  'GET /api/spot-checks/:id': {
    in: async (f, u) => json('GET', `/api/spot-checks/${(await check(f, u, 'sampling')).c.id}`),
    out: async (_o, f, u) => json('GET', `/api/spot-checks/${(await check(f, u, 'sampling', true)).c.id}`),
    allow: READERS,
    hidden: HIDDEN,
  },
  'DELETE /api/spot-checks/:id': {
    in: async (f, u) => json('DELETE', `/api/spot-checks/${(await check(f, u, 'draft')).c.id}?version=1`),
    out: async (_o, f, u) => json('DELETE', `/api/spot-checks/${(await check(f, u, 'draft', true)).c.id}?version=1`),
    allow: MANAGERS,
    ok: 204,
  },
  'POST /api/spot-checks/:id/events': {
    in: async (f, u) =>
      json('POST', `/api/spot-checks/${(await check(f, u, 'sampling')).c.id}/events`, {
        type: 'conclude',
        version: 1,
      }),
    out: async (_o, f, u) =>
      json('POST', `/api/spot-checks/${(await check(f, u, 'sampling', true)).c.id}/events`, {
        type: 'conclude',
        version: 1,
      }),
    allow: MANAGERS,
  },
  'PUT /api/spot-checks/:id/verdicts/:verdictId': {
    in: async (f, u) => json('PUT', await verdictUrl(f, u, 'sampling', false, ''), { verdict: 'accurate' }),
    out: async (_o, f, u) => json('PUT', await verdictUrl(f, u, 'sampling', true, ''), { verdict: 'accurate' }),
    allow: MANAGERS,
  },
  'POST /api/spot-checks/:id/verdicts/:verdictId/problem': {
    in: async (f, u) => json('POST', await verdictUrl(f, u, 'concluded', false, 'untrue', '/problem'), {}),
    out: async (_o, f, u) => json('POST', await verdictUrl(f, u, 'concluded', true, 'untrue', '/problem'), {}),
    allow: MANAGERS,
    ok: 201,
  },
  'GET /api/responsibility-reports/:id/verdicts': {
    in: async (f, u) =>
      json('GET', `/api/responsibility-reports/${(await reportRow(f, u, false, 'submitted')).id}/verdicts`),
    out: async (_o, f, u) =>
      json('GET', `/api/responsibility-reports/${(await reportRow(f, u, true, 'submitted')).id}/verdicts`),
    allow: [...READERS, 'zhujian', 'zhujian.head', 'fuxianzhang'],
    hidden: ['paizhu1'],
  },
};
