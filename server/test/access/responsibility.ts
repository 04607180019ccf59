/** Access-matrix cases for 明责 (see server/test/access-matrix.test.ts). */
import crypto from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { problems } from '../../modules/problems/problems.tables.js';
import {
  dispatchItems,
  dispatches,
  fulfilmentFiles,
  fulfilments,
  responsibilityItems,
  responsibilityReports,
} from '../../modules/responsibility/responsibility.tables.js';
import {
  type AccessCases,
  type Fixture,
  type User,
  USERS,
  demoRegion,
  env,
  freshUnit,
  json,
  upload,
} from '../access.js';
import { TINY_PNG, multipartFile, workbookOf } from '../xlsx.js';

export const RESPONSIBILITY_READERS: User[] = [
  'leader',
  'office',
  'paizhu1',
  'zhujian',
  'zhujian.head',
  'fuxianzhang',
  'zuzhibu',
];
const MANAGERS: User[] = ['leader', 'office'];
/** Who answers for the list the `in` requests use: the unit's accounts, or the county leader for his own. */
const RECIPIENTS: User[] = ['zhujian', 'zhujian.head', 'fuxianzhang'];
const db = () => env.t.database.db;
const personOf = (f: Fixture) => (f.scope as { personId?: string | null }).personId ?? null;
const yearOf = (user: User) => 2040 + USERS.indexOf(user);

/** A list inside the caller's scope: fuxianzhang's own, else one to the fixture unit's leadership. */
async function dispatch(f: Fixture, user: User, state = 'issued', other = false) {
  const regionId = other ? crypto.randomUUID() : await demoRegion();
  const own = !other && user === 'fuxianzhang';
  const [d] = await db()
    .insert(dispatches)
    .values({
      regionId,
      code: `PDT-${crypto.randomBytes(5).toString('hex')}`,
      kind: 'quarterly',
      year: 2026,
      quarter: 1,
      recipientKind: own ? 'leader' : 'leadership',
      recipientPersonId: own ? personOf(f) : null,
      unitId: own ? null : other ? (await freshUnit(regionId)).id : f.unitId,
      title: '测试派单',
      state,
    })
    .returning();
  const [item] = await db()
    .insert(dispatchItems)
    .values({ dispatchId: d.id, regionId, content: '测试事项', deadline: '2026-03-31' })
    .returning();
  return { d, item };
}

async function withFile(f: Fixture, user: User, other = false) {
  const { d, item } = await dispatch(f, user, 'issued', other);
  const [r] = await db()
    .insert(fulfilments)
    .values({ dispatchItemId: item.id, dispatchId: d.id, doneOn: '2026-03-01', description: '测试履责' })
    .returning();
  const [file] = await db()
    .insert(fulfilmentFiles)
    .values({
      fulfilmentId: r.id,
      dispatchId: d.id,
      name: 'a.png',
      mime: 'image/png',
      size: 1,
      sha256: 'x',
      content: TINY_PNG,
    })
    .returning();
  return { d, r, file };
}

/**
 * A 2026 Q1 report row of the caller's scope (fuxianzhang's own, else the fixture unit's leadership) or, with
 * `other`, of another region; nothing else is created.
 */
export async function reportRow(f: Fixture, user: User, other = false, state = 'draft') {
  const own = !other && user === 'fuxianzhang';
  const regionId = other ? crypto.randomUUID() : await demoRegion();
  const [r] = await db()
    .insert(responsibilityReports)
    .values({
      regionId,
      year: 2026,
      quarter: 1,
      recipientKind: own ? 'leader' : 'leadership',
      recipientPersonId: own ? personOf(f) : null,
      unitId: own ? null : other ? (await freshUnit(regionId)).id : f.unitId,
      state,
    })
    .returning();
  return r;
}

async function report(f: Fixture, user: User, other = false) {
  const r = await reportRow(f, user, other);
  // Something to report on in that quarter.
  if (!other) await dispatch(f, user);
  return r;
}

async function catalogueItem(other = false) {
  const [c] = await db()
    .insert(responsibilityItems)
    .values({
      regionId: other ? crypto.randomUUID() : await demoRegion(),
      subjectKind: 'member',
      category: '测试',
      content: '测试责任事项',
      frequency: 'quarterly',
    })
    .returning();
  return c;
}

const newDispatch = (unitId: string) => ({
  kind: 'rectification',
  year: 2026,
  recipientKind: 'leadership',
  unitId,
  items: [{ content: '整改', deadline: { workingDays: 5 } }],
});

export const responsibilityAccessCases: AccessCases = {
  'GET /api/responsibility-items': {
    in: () => json('GET', '/api/responsibility-items'),
    allow: RESPONSIBILITY_READERS,
  },
  'GET /api/responsibility-items/export.xlsx': {
    in: () => json('GET', '/api/responsibility-items/export.xlsx?subjectKind=member'),
    allow: RESPONSIBILITY_READERS,
  },
  'POST /api/responsibility-items/import': {
    in: async () => {
      const file = await workbookOf({
        主体责任事项目录: [
          ['责任主体', '责任类别', '责任内容', '量化指标', '佐证材料', '频次'],
          ['班子成员', '一岗双责', '导入的事项', '每季度1次', '记录', '每季度'],
        ],
      });
      return { method: 'POST', url: '/api/responsibility-items/import', ...(await multipartFile(file)) };
    },
    allow: MANAGERS,
  },
  'POST /api/responsibility-items': {
    in: () =>
      json('POST', '/api/responsibility-items', {
        subjectKind: 'member',
        category: '测试',
        content: '新事项',
        frequency: 'yearly',
      }),
    allow: MANAGERS,
    ok: 201,
  },
  'GET /api/responsibility-items/:id': {
    in: async () => json('GET', `/api/responsibility-items/${(await catalogueItem()).id}`),
    out: async () => json('GET', `/api/responsibility-items/${(await catalogueItem(true)).id}`),
    allow: RESPONSIBILITY_READERS,
  },
  'PATCH /api/responsibility-items/:id': {
    in: async () =>
      json('PATCH', `/api/responsibility-items/${(await catalogueItem()).id}`, { version: 1, target: '每月1次' }),
    out: async () =>
      json('PATCH', `/api/responsibility-items/${(await catalogueItem(true)).id}`, { version: 1, target: '每月1次' }),
    allow: MANAGERS,
  },
  'GET /api/dispatches': { in: () => json('GET', '/api/dispatches?mine=true'), allow: RESPONSIBILITY_READERS },
  'GET /api/dispatches/export.xlsx': {
    in: () => json('GET', '/api/dispatches/export.xlsx?kind=quarterly'),
    allow: RESPONSIBILITY_READERS,
  },
  'GET /api/dispatches/source': {
    in: async () => {
      const [p] = await db()
        .select()
        .from(problems)
        .where(and(eq(problems.regionId, await demoRegion()), ne(problems.state, 'draft')))
        .limit(1);
      return json('GET', `/api/dispatches/source?sourceType=problem&sourceId=${p.id}`);
    },
    out: () => json('GET', `/api/dispatches/source?sourceType=problem&sourceId=${crypto.randomUUID()}`),
    allow: MANAGERS,
    outStatus: 422,
  },
  'POST /api/dispatches': {
    in: (f) => json('POST', '/api/dispatches', newDispatch(f.unitId)),
    out: (o) => json('POST', '/api/dispatches', newDispatch(o.unitId)),
    allow: MANAGERS,
    ok: 201,
    outStatus: 400,
  },
  'POST /api/dispatches/generate': {
    in: (_f, user) => json('POST', '/api/dispatches/generate', { year: yearOf(user), quarter: 1 }),
    allow: MANAGERS,
  },
  'GET /api/dispatches/:id': {
    in: async (f, u) => json('GET', `/api/dispatches/${(await dispatch(f, u)).d.id}`),
    out: async (_o, f, u) => json('GET', `/api/dispatches/${(await dispatch(f, u, 'issued', true)).d.id}`),
    allow: RESPONSIBILITY_READERS,
  },
  'GET /api/dispatches/:id/documents/dispatch.docx': {
    in: async (f, u) => json('GET', `/api/dispatches/${(await dispatch(f, u)).d.id}/documents/dispatch.docx`),
    out: async (_o, f, u) =>
      json('GET', `/api/dispatches/${(await dispatch(f, u, 'issued', true)).d.id}/documents/dispatch.docx`),
    allow: RESPONSIBILITY_READERS,
  },
  'DELETE /api/dispatches/:id': {
    in: async (f, u) => json('DELETE', `/api/dispatches/${(await dispatch(f, u, 'draft')).d.id}?version=1`),
    out: async (_o, f, u) => json('DELETE', `/api/dispatches/${(await dispatch(f, u, 'draft', true)).d.id}?version=1`),
    allow: MANAGERS,
    seenBy: RESPONSIBILITY_READERS,
    ok: 204,
  },
  'POST /api/dispatches/:id/events': {
    in: async (f, u) =>
      json('POST', `/api/dispatches/${(await dispatch(f, u, 'draft')).d.id}/events`, { type: 'issue', version: 1 }),
    out: async (_o, f, u) =>
      json('POST', `/api/dispatches/${(await dispatch(f, u, 'draft', true)).d.id}/events`, {
        type: 'issue',
        version: 1,
      }),
    allow: MANAGERS,
    seenBy: RESPONSIBILITY_READERS,
  },
  'POST /api/dispatches/:id/items/:itemId/fulfilment': {
    in: async (f, u) => {
      const { d, item } = await dispatch(f, u);
      return json('POST', `/api/dispatches/${d.id}/items/${item.id}/fulfilment`, {
        doneOn: '2026-03-01',
        description: '已落实',
      });
    },
    out: async (_o, f, u) => {
      const { d, item } = await dispatch(f, u, 'issued', true);
      return json('POST', `/api/dispatches/${d.id}/items/${item.id}/fulfilment`, {
        doneOn: '2026-03-01',
        description: '已落实',
      });
    },
    allow: RECIPIENTS,
    seenBy: RESPONSIBILITY_READERS,
    ok: 201,
  },
  'POST /api/dispatches/:id/fulfilments/:fileId/files': {
    in: async (f, u) => {
      const { d, r } = await withFile(f, u);
      return upload(`/api/dispatches/${d.id}/fulfilments/${r.id}/files`, 'b.png');
    },
    out: async (_o, f, u) => {
      const { d, r } = await withFile(f, u, true);
      return upload(`/api/dispatches/${d.id}/fulfilments/${r.id}/files`, 'b.png');
    },
    allow: RECIPIENTS,
    seenBy: RESPONSIBILITY_READERS,
    ok: 201,
  },
  'GET /api/dispatches/:id/files/:fileId': {
    in: async (f, u) => {
      const { d, file } = await withFile(f, u);
      return json('GET', `/api/dispatches/${d.id}/files/${file.id}`);
    },
    out: async (_o, f, u) => {
      const { d, file } = await withFile(f, u, true);
      return json('GET', `/api/dispatches/${d.id}/files/${file.id}`);
    },
    allow: RESPONSIBILITY_READERS,
  },
  'GET /api/responsibility-reports': {
    in: () => json('GET', '/api/responsibility-reports'),
    allow: RESPONSIBILITY_READERS,
  },
  'GET /api/responsibility-reports/export.xlsx': {
    in: () => json('GET', '/api/responsibility-reports/export.xlsx?quarter=1'),
    allow: RESPONSIBILITY_READERS,
  },
  'POST /api/responsibility-reports': {
    in: (f, u) =>
      json('POST', '/api/responsibility-reports', {
        year: yearOf(u),
        quarter: 1,
        recipientKind: u === 'fuxianzhang' ? 'leader' : 'leadership',
        unitId: u === 'fuxianzhang' ? null : f.unitId,
      }),
    allow: RECIPIENTS,
    seenBy: RESPONSIBILITY_READERS,
    ok: 201,
  },
  'GET /api/responsibility-reports/:id': {
    in: async (f, u) => json('GET', `/api/responsibility-reports/${(await report(f, u)).id}`),
    out: async (_o, f, u) => json('GET', `/api/responsibility-reports/${(await report(f, u, true)).id}`),
    allow: RESPONSIBILITY_READERS,
  },
  'GET /api/responsibility-reports/:id/documents/report.docx': {
    in: async (f, u) => json('GET', `/api/responsibility-reports/${(await report(f, u)).id}/documents/report.docx`),
    out: async (_o, f, u) =>
      json('GET', `/api/responsibility-reports/${(await report(f, u, true)).id}/documents/report.docx`),
    allow: RESPONSIBILITY_READERS,
  },
  'POST /api/responsibility-reports/:id/events': {
    in: async (f, u) =>
      json('POST', `/api/responsibility-reports/${(await report(f, u)).id}/events`, { type: 'submit', version: 1 }),
    out: async (_o, f, u) =>
      json('POST', `/api/responsibility-reports/${(await report(f, u, true)).id}/events`, {
        type: 'submit',
        version: 1,
      }),
    allow: RECIPIENTS,
    seenBy: RESPONSIBILITY_READERS,
  },
  'GET /api/responsibility/figures': {
    in: () => json('GET', '/api/responsibility/figures?year=2026'),
    allow: RESPONSIBILITY_READERS,
  },
  'GET /api/responsibility/year-end': {
    in: () => json('GET', '/api/responsibility/year-end?year=2026'),
    allow: RESPONSIBILITY_READERS,
  },
  'GET /api/responsibility/year-end.xlsx': {
    in: () => json('GET', '/api/responsibility/year-end.xlsx?year=2026'),
    allow: RESPONSIBILITY_READERS,
  },
};
