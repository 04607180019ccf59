/** Access-matrix cases for supervision and patrol (see server/test/access-matrix.test.ts). */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type AccessCases, type User, demoRegion, env, freshUnit, json, upload } from '../access.js';
import { groups } from '../../modules/org/org.tables.js';
import { PROBLEM_READERS } from './problems.js';
import {
  patrolCases,
  patrolCirculars,
  patrolFiles,
  patrolFindings,
  patrolInspections,
  patrolTasks,
} from '../../modules/patrol/patrol.tables.js';

const READERS: User[] = PROBLEM_READERS;
const MANAGERS: User[] = ['leader', 'office'];
/** The office and the group the object belongs to (independence rule). */
const GROUP_SIDE: User[] = ['leader', 'office', 'group1'];
const HIDDEN: User[] = READERS.filter((u) => !GROUP_SIDE.includes(u));
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function group1() {
  const [g] = await env.t.database.db.select().from(groups).where(eq(groups.name, '第一督导巡查组'));
  return g.id;
}

/** Region and group of the demo county, or of another region when `other`. */
async function owner(other: boolean) {
  if (!other) return { regionId: await demoRegion(), groupId: await group1(), unitId: env.zjjId };
  const unit = await freshUnit(crypto.randomUUID());
  return { regionId: unit.regionId, groupId: crypto.randomUUID(), unitId: unit.id };
}

async function task(other = false, state = 'issued') {
  const o = await owner(other);
  const [t] = await env.t.database.db
    .insert(patrolTasks)
    .values({
      regionId: o.regionId,
      groupId: o.groupId,
      code: `T-${crypto.randomBytes(4).toString('hex')}`,
      title: '测试任务',
      targetUnitIds: [o.unitId],
      method: 'daily',
      periodStart: day(-1),
      periodEnd: day(10),
      deadline: day(10),
      state,
    })
    .returning();
  return t;
}

async function inspection(other = false) {
  const o = await owner(other);
  const [i] = await env.t.database.db
    .insert(patrolInspections)
    .values({
      regionId: o.regionId,
      groupId: o.groupId,
      date: day(0),
      place: '施工现场',
      method: 'unannounced',
      unitIds: [o.unitId],
      notes: '现场检查',
    })
    .returning();
  return i;
}

async function finding(other = false) {
  const o = await owner(other);
  const [f] = await env.t.database.db
    .insert(patrolFindings)
    .values({
      regionId: o.regionId,
      groupId: o.groupId,
      code: `F-${crypto.randomBytes(4).toString('hex')}`,
      unitId: o.unitId,
      title: '测试发现',
      description: '现场发现问题',
    })
    .returning();
  return f;
}

async function circular(other = false, state = 'published') {
  const o = await owner(other);
  const f = await finding(other);
  const [c] = await env.t.database.db
    .insert(patrolCirculars)
    .values({
      regionId: o.regionId,
      code: `C-${crypto.randomBytes(4).toString('hex')}`,
      kind: 'circular',
      title: '测试通报',
      body: '通报内容',
      findingIds: [f.id],
      unitIds: [o.unitId],
      state,
      publishedAt: state === 'published' ? new Date() : null,
    })
    .returning();
  return c;
}

async function typicalCase(other = false, state = 'published') {
  const o = await owner(other);
  const [c] = await env.t.database.db
    .insert(patrolCases)
    .values({ regionId: o.regionId, kind: 'positive', title: '测试案例', body: '案例内容', state })
    .returning();
  return c;
}

async function fileOf(inspectionId: string) {
  const [f] = await env.t.database.db
    .insert(patrolFiles)
    .values({ inspectionId, name: '照片.txt', mime: 'text/plain', size: 2, sha256: 'x', content: Buffer.from('ok') })
    .returning();
  return f;
}

export const patrolAccessCases: AccessCases = {
  'GET /api/tasks': { in: () => json('GET', '/api/tasks'), allow: READERS },
  'GET /api/tasks/export.xlsx': { in: () => json('GET', '/api/tasks/export.xlsx'), allow: READERS },
  'POST /api/tasks': {
    in: async () =>
      json('POST', '/api/tasks', {
        groupId: await group1(),
        title: '专项督查',
        targetUnitIds: [env.zjjId],
        focus: '安全生产',
        method: 'special',
        periodStart: day(0),
        periodEnd: day(10),
        deadline: day(10),
      }),
    out: () =>
      json('POST', '/api/tasks', {
        groupId: crypto.randomUUID(),
        title: '专项督查',
        projects: ['某项目'],
        focus: '安全生产',
        method: 'special',
        periodStart: day(0),
        periodEnd: day(10),
        deadline: day(10),
      }),
    allow: MANAGERS,
    ok: 201,
    outStatus: 400,
  },
  'GET /api/tasks/:id': {
    in: async () => json('GET', `/api/tasks/${(await task()).id}`),
    out: async () => json('GET', `/api/tasks/${(await task(true)).id}`),
    allow: GROUP_SIDE,
    hidden: HIDDEN,
  },
  'PATCH /api/tasks/:id': {
    in: async () => {
      const t = await task(false, 'draft');
      return json('PATCH', `/api/tasks/${t.id}`, { version: t.version, title: '修改后的任务' });
    },
    out: async () => {
      const t = await task(true, 'draft');
      return json('PATCH', `/api/tasks/${t.id}`, { version: t.version, title: '修改后的任务' });
    },
    allow: MANAGERS,
  },
  'POST /api/tasks/:id/events': {
    in: async () => {
      const t = await task();
      return json('POST', `/api/tasks/${t.id}/events`, { type: 'report', version: t.version, report: '已完成督导' });
    },
    out: async () => {
      const t = await task(true);
      return json('POST', `/api/tasks/${t.id}/events`, { type: 'report', version: t.version, report: '已完成督导' });
    },
    allow: ['group1'],
    seenBy: MANAGERS,
    hidden: HIDDEN,
  },
  'GET /api/tasks/:id/documents/assignment.docx': {
    in: async () => json('GET', `/api/tasks/${(await task()).id}/documents/assignment.docx`),
    out: async () => json('GET', `/api/tasks/${(await task(true)).id}/documents/assignment.docx`),
    allow: GROUP_SIDE,
    hidden: HIDDEN,
  },
  'GET /api/inspections': { in: () => json('GET', '/api/inspections'), allow: READERS },
  'GET /api/inspections/export.xlsx': { in: () => json('GET', '/api/inspections/export.xlsx'), allow: READERS },
  'POST /api/inspections': {
    // A unit the group covers (group1's fixture unit is one of them).
    in: (f) =>
      json('POST', '/api/inspections', {
        date: day(0),
        place: '县住建局',
        method: 'unannounced',
        unitIds: [f.unitId],
        notes: '暗访检查值班情况',
      }),
    allow: ['group1'],
    ok: 201,
    // Issue #21: a unit no group covers and no task targets.
    links: [
      {
        name: 'on a unit the group does not cover',
        req: async () =>
          json('POST', '/api/inspections', {
            date: day(0),
            place: '现场',
            method: 'daily',
            unitIds: [(await freshUnit()).id],
            notes: '检查',
          }),
        status: 422,
      },
    ],
  },
  'GET /api/inspections/:id': {
    in: async () => json('GET', `/api/inspections/${(await inspection()).id}`),
    out: async () => json('GET', `/api/inspections/${(await inspection(true)).id}`),
    allow: GROUP_SIDE,
    hidden: HIDDEN,
  },
  'POST /api/inspections/:id/files': {
    in: async () => upload(`/api/inspections/${(await inspection()).id}/files`),
    out: async () => upload(`/api/inspections/${(await inspection(true)).id}/files`),
    allow: ['group1'],
    ok: 201,
  },
  'GET /api/inspections/:id/files/:fileId': {
    in: async () => {
      const i = await inspection();
      return json('GET', `/api/inspections/${i.id}/files/${(await fileOf(i.id)).id}`);
    },
    out: async () => {
      const i = await inspection(true);
      return json('GET', `/api/inspections/${i.id}/files/${(await fileOf(i.id)).id}`);
    },
    allow: GROUP_SIDE,
    hidden: HIDDEN,
  },
  'GET /api/findings': { in: () => json('GET', '/api/findings'), allow: READERS },
  'GET /api/findings/export.xlsx': { in: () => json('GET', '/api/findings/export.xlsx'), allow: READERS },
  'POST /api/findings': {
    in: (f) => json('POST', '/api/findings', { unitId: f.unitId, title: '值班脱岗', description: '值班人员不在岗' }),
    allow: ['group1'],
    ok: 201,
    links: [
      {
        name: 'on a unit the group does not cover',
        req: async () =>
          json('POST', '/api/findings', { unitId: (await freshUnit()).id, title: '问题', description: '详情' }),
        status: 422,
      },
    ],
  },
  'GET /api/findings/:id': {
    in: async () => json('GET', `/api/findings/${(await finding()).id}`),
    out: async () => json('GET', `/api/findings/${(await finding(true)).id}`),
    allow: GROUP_SIDE,
    hidden: HIDDEN,
  },
  'POST /api/findings/:id/events': {
    in: async () => {
      const f = await finding();
      return json('POST', `/api/findings/${f.id}/events`, { type: 'close', version: f.version, comment: '已当场整改' });
    },
    out: async () => {
      const f = await finding(true);
      return json('POST', `/api/findings/${f.id}/events`, { type: 'close', version: f.version, comment: '已当场整改' });
    },
    allow: MANAGERS,
    seenBy: ['group1'],
    hidden: HIDDEN,
  },
  'GET /api/circulars': { in: () => json('GET', '/api/circulars'), allow: READERS },
  'GET /api/circulars/export.xlsx': { in: () => json('GET', '/api/circulars/export.xlsx'), allow: READERS },
  'POST /api/circulars': {
    in: async () =>
      json('POST', '/api/circulars', {
        kind: 'circular',
        title: '督导巡查通报',
        body: '通报如下',
        findingIds: [(await finding()).id],
      }),
    out: async () =>
      json('POST', '/api/circulars', {
        kind: 'circular',
        title: '督导巡查通报',
        body: '通报如下',
        findingIds: [(await finding(true)).id],
      }),
    allow: MANAGERS,
    ok: 201,
    outStatus: 400,
  },
  'GET /api/circulars/:id': {
    in: async () => json('GET', `/api/circulars/${(await circular()).id}`),
    out: async () => json('GET', `/api/circulars/${(await circular(true)).id}`),
    allow: READERS,
  },
  'POST /api/circulars/:id/events': {
    in: async () => {
      const c = await circular(false, 'draft');
      return json('POST', `/api/circulars/${c.id}/events`, { type: 'approve', version: c.version });
    },
    out: async () => {
      const c = await circular(true, 'draft');
      return json('POST', `/api/circulars/${c.id}/events`, { type: 'approve', version: c.version });
    },
    allow: ['leader'],
    seenBy: ['office'],
  },
  'GET /api/circulars/:id/documents/circular.docx': {
    in: async () => json('GET', `/api/circulars/${(await circular()).id}/documents/circular.docx`),
    out: async () => json('GET', `/api/circulars/${(await circular(true)).id}/documents/circular.docx`),
    allow: READERS,
  },
  'GET /api/typical-cases': { in: () => json('GET', '/api/typical-cases'), allow: READERS },
  'GET /api/typical-cases/export.xlsx': { in: () => json('GET', '/api/typical-cases/export.xlsx'), allow: READERS },
  'POST /api/typical-cases': {
    in: () => json('POST', '/api/typical-cases', { kind: 'positive', title: '典型经验', body: '做法与成效' }),
    allow: MANAGERS,
    ok: 201,
  },
  'GET /api/typical-cases/:id': {
    in: async () => json('GET', `/api/typical-cases/${(await typicalCase()).id}`),
    out: async () => json('GET', `/api/typical-cases/${(await typicalCase(true)).id}`),
    allow: READERS,
  },
  'POST /api/typical-cases/:id/events': {
    in: async () => {
      const c = await typicalCase(false, 'draft');
      return json('POST', `/api/typical-cases/${c.id}/events`, { type: 'publish', version: c.version });
    },
    out: async () => {
      const c = await typicalCase(true, 'draft');
      return json('POST', `/api/typical-cases/${c.id}/events`, { type: 'publish', version: c.version });
    },
    allow: MANAGERS,
  },
  'GET /api/patrol/performance': { in: () => json('GET', '/api/patrol/performance'), allow: GROUP_SIDE },
  'GET /api/patrol/figures': { in: () => json('GET', '/api/patrol/figures'), allow: MANAGERS },
  'GET /api/group-reviews': { in: () => json('GET', '/api/group-reviews'), allow: READERS },
  'POST /api/group-reviews': {
    in: () =>
      json('POST', '/api/group-reviews', {
        kind: 'semiannual',
        period: `${day(0).slice(0, 4)}-H1`,
        report: '上半年督导工作报告',
      }),
    allow: ['group1'],
    ok: 201,
  },
};
