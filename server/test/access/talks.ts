/** Access-matrix cases for talks (see server/test/access-matrix.test.ts). */
import crypto from 'node:crypto';
import { type AccessCases, type User, demoRegion, env, freshUnit, json } from '../access.js';
import { talks } from '../../modules/talks/talks.tables.js';

export const TALK_READERS: User[] = ['leader', 'office', 'caseoffice', 'paizhu1', 'zuzhibu'];
const MANAGERS: User[] = ['leader', 'office', 'caseoffice', 'paizhu1'];
const today = () => new Date().toISOString().slice(0, 10);

/** A planned talk with the principal of `unitId` (another region's when `other`). */
async function talk(unitId: string, personId: string, other = false) {
  const regionId = other ? crypto.randomUUID() : await demoRegion();
  const unit = other ? (await freshUnit(regionId)).id : unitId;
  const [t] = await env.t.database.db
    .insert(talks)
    .values({
      regionId,
      code: `T-${crypto.randomBytes(4).toString('hex')}`,
      kind: 'reminder',
      talkerPersonIds: [],
      talkerNames: '县纪委监委领导',
      subjectPersonIds: other ? [] : [personId],
      subjectUnitId: other ? unit : null,
      unitIds: [unit],
      reason: '测试谈话',
      talkOn: '2026-01-05',
    })
    .returning();
  return t;
}

const body = (personId: string) => ({
  kind: 'reminder',
  talkerNames: '县纪委监委领导',
  subjectPersonIds: [personId],
  reason: '提醒谈话',
  talkOn: today(),
});

export const talksAccessCases: AccessCases = {
  'GET /api/talks': { in: () => json('GET', '/api/talks'), allow: TALK_READERS },
  'GET /api/talks/export.xlsx': {
    in: () => json('GET', '/api/talks/export.xlsx?kind=admonition'),
    allow: TALK_READERS,
  },
  'POST /api/talks': {
    in: (f) => json('POST', '/api/talks', body(f.personId)),
    out: (o) => json('POST', '/api/talks', body(o.personId)),
    allow: MANAGERS,
    ok: 201,
    outStatus: 400,
    // Issue #21: no link to a case the caller cannot read (here: none exists), the same 422 for everyone.
    links: [
      {
        name: 'linked to an unreadable case',
        req: (_o, f) => json('POST', '/api/talks', { ...body(f.personId), caseId: crypto.randomUUID() }),
        status: 422,
      },
    ],
  },
  'GET /api/talks/:id': {
    in: async (f) => json('GET', `/api/talks/${(await talk(f.unitId, f.personId)).id}`),
    out: async (_o, f) => json('GET', `/api/talks/${(await talk(f.unitId, f.personId, true)).id}`),
    allow: TALK_READERS,
  },
  'PATCH /api/talks/:id': {
    in: async (f) => {
      const t = await talk(f.unitId, f.personId);
      return json('PATCH', `/api/talks/${t.id}`, { version: t.version, place: '谈话室' });
    },
    out: async (_o, f) => {
      const t = await talk(f.unitId, f.personId, true);
      return json('PATCH', `/api/talks/${t.id}`, { version: t.version, place: '谈话室' });
    },
    allow: MANAGERS,
    seenBy: TALK_READERS,
    links: [
      {
        name: 'moved to an unreadable case',
        req: async (_o, f) => {
          const t = await talk(f.unitId, f.personId);
          return json('PATCH', `/api/talks/${t.id}`, { version: t.version, caseId: crypto.randomUUID() });
        },
        status: 422,
      },
    ],
  },
  'DELETE /api/talks/:id': {
    in: async (f) => {
      const t = await talk(f.unitId, f.personId);
      return json('DELETE', `/api/talks/${t.id}?version=${t.version}`);
    },
    out: async (_o, f) => {
      const t = await talk(f.unitId, f.personId, true);
      return json('DELETE', `/api/talks/${t.id}?version=${t.version}`);
    },
    allow: MANAGERS,
    seenBy: TALK_READERS,
    ok: 204,
  },
  'POST /api/talks/:id/events': {
    in: async (f) => {
      const t = await talk(f.unitId, f.personId);
      return json('POST', `/api/talks/${t.id}/events`, { type: 'record', version: t.version, record: '谈话记录' });
    },
    out: async (_o, f) => {
      const t = await talk(f.unitId, f.personId, true);
      return json('POST', `/api/talks/${t.id}/events`, { type: 'record', version: t.version, record: '谈话记录' });
    },
    allow: MANAGERS,
    seenBy: TALK_READERS,
  },
  'GET /api/talks/:id/documents/record.docx': {
    in: async (f) => json('GET', `/api/talks/${(await talk(f.unitId, f.personId)).id}/documents/record.docx`),
    out: async (_o, f) =>
      json('GET', `/api/talks/${(await talk(f.unitId, f.personId, true)).id}/documents/record.docx`),
    allow: TALK_READERS,
  },
};
