/** Access-matrix cases for tolerance pre-registrations (see server/test/access-matrix.test.ts). */
import crypto from 'node:crypto';
import { type AccessCases, type User, demoRegion, env, freshUnit, json, upload } from '../access.js';
import { toleranceFilings } from '../../modules/tolerance/tolerance.tables.js';

export const TOLERANCE_READERS: User[] = ['leader', 'office', 'caseoffice', 'paizhu1', 'zhujian', 'zhujian.head'];
const FILERS: User[] = ['zhujian', 'zhujian.head'];

/** A filing straight in the database, in `unitId` (another region's when `other`). */
async function filing(unitId: string, state: string, other = false) {
  const regionId = other ? crypto.randomUUID() : await demoRegion();
  const unit = other ? (await freshUnit(regionId)).id : unitId;
  const [f] = await env.t.database.db
    .insert(toleranceFilings)
    .values({
      regionId,
      code: `T-${crypto.randomBytes(4).toString('hex')}`,
      unitId: unit,
      personIds: [],
      matter: '测试备案',
      decision: '测试决策',
      basis: '测试依据',
      minutes: '会议纪要',
      decidedOn: '2026-05-01',
      reviewOn: '2026-11-01',
      toleranceItems: ['reform_pilot'],
      state,
      minutesFileName: '纪要.txt',
      minutesFileMime: 'text/plain',
      minutesFile: Buffer.from('纪要'),
    })
    .returning();
  return f;
}

const body = (unitId: string, personId: string) => ({
  unitId,
  personIds: [personId],
  matter: '试点事项',
  decision: '决策内容',
  basis: '政策依据',
  exploratory: true,
  minutes: '会议纪要',
  risk: '风险评估',
  decidedOn: '2026-05-01',
  reviewOn: '2026-11-01',
  toleranceItems: ['reform_pilot'],
});

const minutes = (id: string) => upload(`/api/tolerance-filings/${id}/minutes-file`, '纪要.png');

export const toleranceAccessCases: AccessCases = {
  'GET /api/tolerance-filings': { in: () => json('GET', '/api/tolerance-filings'), allow: TOLERANCE_READERS },
  'GET /api/tolerance-filings/export.xlsx': {
    in: () => json('GET', '/api/tolerance-filings/export.xlsx?state=approved'),
    allow: TOLERANCE_READERS,
  },
  'POST /api/tolerance-filings': {
    in: (f) => json('POST', '/api/tolerance-filings', body(f.unitId, f.personId)),
    out: (o) => json('POST', '/api/tolerance-filings', body(o.unitId, o.personId)),
    allow: FILERS,
    ok: 201,
    outStatus: 400,
  },
  'GET /api/tolerance-filings/:id': {
    in: async (f) => json('GET', `/api/tolerance-filings/${(await filing(f.unitId, 'submitted')).id}`),
    out: async (_o, f) => json('GET', `/api/tolerance-filings/${(await filing(f.unitId, 'submitted', true)).id}`),
    allow: TOLERANCE_READERS,
  },
  'PATCH /api/tolerance-filings/:id': {
    in: async (f) => {
      const x = await filing(f.unitId, 'draft');
      return json('PATCH', `/api/tolerance-filings/${x.id}`, { version: x.version, matter: '改后事项' });
    },
    out: async (_o, f) => {
      const x = await filing(f.unitId, 'draft', true);
      return json('PATCH', `/api/tolerance-filings/${x.id}`, { version: x.version, matter: '改后事项' });
    },
    allow: FILERS,
  },
  'POST /api/tolerance-filings/:id/events': {
    in: async (f) => {
      const x = await filing(f.unitId, 'submitted');
      return json('POST', `/api/tolerance-filings/${x.id}/events`, { type: 'approve', version: x.version });
    },
    out: async (_o, f) => {
      const x = await filing(f.unitId, 'submitted', true);
      return json('POST', `/api/tolerance-filings/${x.id}/events`, { type: 'approve', version: x.version });
    },
    allow: ['leader'],
    seenBy: TOLERANCE_READERS,
  },
  'POST /api/tolerance-filings/:id/minutes-file': {
    in: async (f) => minutes((await filing(f.unitId, 'draft')).id),
    out: async (_o, f) => minutes((await filing(f.unitId, 'draft', true)).id),
    allow: FILERS,
  },
  'GET /api/tolerance-filings/:id/minutes-file': {
    in: async (f) => json('GET', `/api/tolerance-filings/${(await filing(f.unitId, 'approved')).id}/minutes-file`),
    out: async (_o, f) =>
      json('GET', `/api/tolerance-filings/${(await filing(f.unitId, 'approved', true)).id}/minutes-file`),
    allow: TOLERANCE_READERS,
  },
  'GET /api/tolerance-filings/:id/documents/filing.docx': {
    in: async (f) =>
      json('GET', `/api/tolerance-filings/${(await filing(f.unitId, 'approved')).id}/documents/filing.docx`),
    out: async (_o, f) =>
      json('GET', `/api/tolerance-filings/${(await filing(f.unitId, 'approved', true)).id}/documents/filing.docx`),
    allow: TOLERANCE_READERS,
  },
};
