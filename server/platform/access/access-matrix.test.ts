/**
 * Every role against objects inside and outside its scope, for every API route.
 * The suite fails when a route of the app has no case here.
 */
import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groups, people, units } from '../../modules/org/org.tables.js';
import { regions } from '../db/platform.tables.js';
import { users } from '../auth/auth.tables.js';
import { type Client, DEMO_PASSWORD, type TestApp, createTestApp } from '../../test/harness.js';
import { PEOPLE_HEADER, UNIT_HEADER, multipartFile, workbookOf } from '../../test/xlsx.js';

const USERS = [
  'leader',
  'office',
  'caseoffice',
  'paizhu1',
  'group1',
  'zhujian',
  'zhujian.head',
  'fuxianzhang',
  'zuzhibu',
  'bianban',
  'sysadmin',
  'secadmin',
  'auditadmin',
] as const;
type User = (typeof USERS)[number];
const ALL = [...USERS];
const ORG_READERS = ALL.filter((u) => u !== 'auditadmin');
const ORG_WRITERS: User[] = ['office', 'sysadmin'];
const REGION_WIDE: User[] = ['leader', 'office', 'caseoffice', 'zuzhibu', 'sysadmin', 'secadmin'];
const GROUP_VIEWERS: User[] = [...REGION_WIDE, 'paizhu1', 'group1'];

interface Fixture {
  unitId: string;
  personId: string;
  groupId: string;
  scope: { allUnits: boolean; unitIds: string[]; groupIds: string[] };
}
interface Other {
  unitId: string;
  personId: string;
  groupId: string;
}

type Req = InjectOptions & { fresh?: boolean };
interface Case {
  /** Request on an object inside the caller's scope. */
  in: (f: Fixture) => Promise<Req> | Req;
  /** Request on an object outside it (another region's, or one the caller cannot see). */
  out?: (o: Other, f: Fixture) => Promise<Req> | Req;
  /** Users who may do it: they get `ok`; users with `hidden` get 404; everyone else 403. */
  allow: User[];
  hidden?: User[];
  ok?: number;
  /** Status for allowed users on the out-of-scope request (default 404). */
  outStatus?: number;
}

let t: TestApp;
const clients = new Map<User, Client>();
const fixtures = new Map<User, Fixture>();
let other: Other;
let zjjId: string;

async function versionOf(table: typeof units | typeof people | typeof groups, id: string) {
  const [row] = await t.database.db.select({ v: table.version }).from(table).where(eq(table.id, id));
  return row.v;
}

async function freshUnit(regionId?: string) {
  const [row] = await t.database.db
    .insert(units)
    .values({
      regionId: regionId ?? (await demoRegion()),
      code: `T${crypto.randomBytes(4).toString('hex')}`,
      name: '临时单位',
      type: 'department',
    })
    .returning();
  return row;
}

async function demoRegion() {
  const [r] = await t.database.db.select().from(regions).where(eq(regions.code, 'DEMO'));
  return r.id;
}

const json = (method: InjectOptions['method'], url: string, payload?: unknown): Req => ({
  method,
  url,
  payload: payload as object,
});

const CASES: Record<string, Case> = {
  'GET /api/health': { in: () => json('GET', '/api/health'), allow: ALL },
  'GET /api/openapi.json': { in: () => json('GET', '/api/openapi.json'), allow: ALL },
  'POST /api/auth/login': {
    in: () => json('POST', '/api/auth/login', { username: 'leader', password: DEMO_PASSWORD }),
    allow: ALL,
  },
  'POST /api/auth/logout': { in: () => ({ ...json('POST', '/api/auth/logout'), fresh: true }), allow: ALL },
  'GET /api/me': { in: () => json('GET', '/api/me'), allow: ALL },
  'POST /api/me/password': {
    in: () => json('POST', '/api/me/password', { oldPassword: 'wrong', newPassword: 'Whatever#2026x' }),
    allow: ALL,
    ok: 400,
  },
  'POST /api/me/totp/setup': { in: () => ({ ...json('POST', '/api/me/totp/setup'), fresh: true }), allow: ALL },
  'POST /api/me/totp/enable': {
    in: () => json('POST', '/api/me/totp/enable', { token: '000000' }),
    allow: ALL,
    ok: 400,
  },
  'POST /api/me/totp/disable': {
    in: () => json('POST', '/api/me/totp/disable', { password: 'wrong' }),
    allow: ALL,
    ok: 400,
  },

  'GET /api/units': { in: () => json('GET', '/api/units'), allow: ORG_READERS },
  'GET /api/units/:id': {
    in: (f) => json('GET', `/api/units/${f.unitId}`),
    out: (o) => json('GET', `/api/units/${o.unitId}`),
    allow: ORG_READERS,
  },
  'POST /api/units': {
    in: (f) =>
      json('POST', '/api/units', {
        name: '新设单位',
        code: `N${crypto.randomBytes(3).toString('hex')}`,
        type: 'department',
        parentId: f.unitId,
      }),
    out: (o) =>
      json('POST', '/api/units', {
        name: '新设单位',
        code: `N${crypto.randomBytes(3).toString('hex')}`,
        type: 'department',
        parentId: o.unitId,
      }),
    allow: ORG_WRITERS,
    ok: 201,
    outStatus: 400,
  },
  'PATCH /api/units/:id': {
    in: async (f) =>
      json('PATCH', `/api/units/${f.unitId}`, { version: await versionOf(units, f.unitId), sortOrder: 5 }),
    out: async (o) =>
      json('PATCH', `/api/units/${o.unitId}`, { version: await versionOf(units, o.unitId), sortOrder: 5 }),
    allow: ORG_WRITERS,
  },
  'DELETE /api/units/:id': {
    in: async () => {
      const u = await freshUnit();
      return json('DELETE', `/api/units/${u.id}?version=${u.version}`);
    },
    out: async (o) => json('DELETE', `/api/units/${o.unitId}?version=${await versionOf(units, o.unitId)}`),
    allow: ORG_WRITERS,
    ok: 204,
  },
  'GET /api/people': { in: (f) => json('GET', `/api/people?unitId=${f.unitId}`), allow: ORG_READERS },
  'GET /api/people/:id': {
    in: (f) => json('GET', `/api/people/${f.personId}`),
    out: (o) => json('GET', `/api/people/${o.personId}`),
    allow: ORG_READERS,
  },
  'POST /api/people': {
    in: (f) => json('POST', '/api/people', { name: '新同志', unitId: f.unitId, post: '科员' }),
    out: (o) => json('POST', '/api/people', { name: '新同志', unitId: o.unitId, post: '科员' }),
    allow: ORG_WRITERS,
    ok: 201,
    outStatus: 400,
  },
  'PATCH /api/people/:id': {
    in: async (f) =>
      json('PATCH', `/api/people/${f.personId}`, { version: await versionOf(people, f.personId), rank: '一级科员' }),
    out: async (o) =>
      json('PATCH', `/api/people/${o.personId}`, { version: await versionOf(people, o.personId), rank: 'x' }),
    allow: ORG_WRITERS,
  },
  'DELETE /api/people/:id': {
    in: async () => {
      const [p] = await t.database.db
        .insert(people)
        .values({ regionId: await demoRegion(), unitId: zjjId, name: '临时人员' })
        .returning();
      return json('DELETE', `/api/people/${p.id}?version=${p.version}`);
    },
    out: async (o) => json('DELETE', `/api/people/${o.personId}?version=${await versionOf(people, o.personId)}`),
    allow: ORG_WRITERS,
    ok: 204,
  },
  'GET /api/groups': { in: () => json('GET', '/api/groups'), allow: ORG_READERS },
  'GET /api/groups/:id': {
    in: (f) => json('GET', `/api/groups/${f.groupId}`),
    out: (o) => json('GET', `/api/groups/${o.groupId}`),
    allow: GROUP_VIEWERS,
    hidden: ORG_READERS.filter((u) => !GROUP_VIEWERS.includes(u)),
  },
  'POST /api/groups': {
    in: (f) => json('POST', '/api/groups', { kind: 'patrol', name: '临时督导组', unitIds: [f.unitId] }),
    out: (o) => json('POST', '/api/groups', { kind: 'patrol', name: '临时督导组', unitIds: [o.unitId] }),
    allow: ORG_WRITERS,
    ok: 201,
    outStatus: 400,
  },
  'PATCH /api/groups/:id': {
    in: async (f) => json('PATCH', `/api/groups/${f.groupId}`, { version: await versionOf(groups, f.groupId) }),
    out: async (o) => json('PATCH', `/api/groups/${o.groupId}`, { version: await versionOf(groups, o.groupId) }),
    allow: ORG_WRITERS,
  },
  'GET /api/org/import-template.xlsx': { in: () => json('GET', '/api/org/import-template.xlsx'), allow: ORG_READERS },
  'GET /api/units/export.xlsx': { in: () => json('GET', '/api/units/export.xlsx'), allow: ORG_READERS },
  'GET /api/people/export.xlsx': { in: () => json('GET', '/api/people/export.xlsx'), allow: ORG_READERS },
  'POST /api/org/import': {
    in: async () => {
      const code = `I${crypto.randomBytes(3).toString('hex')}`;
      const file = await workbookOf({
        单位: [UNIT_HEADER, [code, '导入单位', '', '部门', 'ZF', 1]],
        人员: [PEOPLE_HEADER, ['导入人', '女', code, '科员', '', '是', '否', '']],
      });
      return { method: 'POST', url: '/api/org/import', ...(await multipartFile(file)) };
    },
    allow: ORG_WRITERS,
  },

  'GET /api/users': { in: () => json('GET', '/api/users'), allow: ['sysadmin', 'secadmin'] },
  'POST /api/users': {
    in: () =>
      json('POST', '/api/users', {
        username: `u${crypto.randomBytes(3).toString('hex')}`,
        displayName: '测试',
        password: 'Test#2026-pass',
      }),
    allow: ['sysadmin'],
    ok: 201,
  },
  'PATCH /api/users/:id': {
    in: async () => {
      const [u] = await t.database.db.select().from(users).where(eq(users.username, 'group2'));
      return json('PATCH', `/api/users/${u.id}`, { version: u.version, displayName: u.displayName });
    },
    out: () => json('PATCH', `/api/users/${crypto.randomUUID()}`, { version: 1 }),
    allow: ['sysadmin'],
  },
  'POST /api/users/:id/reset-password': {
    in: async () => {
      const [u] = await t.database.db.select().from(users).where(eq(users.username, 'group3'));
      return json('POST', `/api/users/${u.id}/reset-password`);
    },
    out: () => json('POST', `/api/users/${crypto.randomUUID()}/reset-password`),
    allow: ['sysadmin'],
  },
  'POST /api/users/:id/unlock': {
    in: async () => {
      const [u] = await t.database.db.select().from(users).where(eq(users.username, 'group4'));
      return json('POST', `/api/users/${u.id}/unlock`);
    },
    out: () => json('POST', `/api/users/${crypto.randomUUID()}/unlock`),
    allow: ['sysadmin'],
  },
  'PUT /api/users/:id/roles': {
    in: async () => {
      const [u] = await t.database.db.select().from(users).where(eq(users.username, 'yingji'));
      return json('PUT', `/api/users/${u.id}/roles`, { version: u.version, roles: [{ role: 'org_department' }] });
    },
    out: () => json('PUT', `/api/users/${crypto.randomUUID()}/roles`, { version: 1, roles: [] }),
    allow: ['secadmin'],
  },
  'GET /api/settings/security': { in: () => json('GET', '/api/settings/security'), allow: ['secadmin'] },
  'PATCH /api/settings/security': {
    in: async () => {
      const policy = (await clients.get('secadmin')?.get('/api/settings/security'))?.json();
      return json('PATCH', '/api/settings/security', policy);
    },
    allow: ['secadmin'],
  },

  'GET /api/audit-events': { in: () => json('GET', '/api/audit-events'), allow: ['auditadmin'] },
  'POST /api/audit-events/verify': { in: () => json('POST', '/api/audit-events/verify'), allow: ['auditadmin'] },

  'GET /api/calendar': { in: () => json('GET', '/api/calendar?year=2026'), allow: ALL },
  'GET /api/calendar/status': { in: () => json('GET', '/api/calendar/status'), allow: ALL },
  'PUT /api/calendar/days/:date': {
    in: () => json('PUT', '/api/calendar/days/2026-12-31', { kind: 'normal' }),
    allow: ['sysadmin'],
  },
  'POST /api/calendar/import': { in: () => json('POST', '/api/calendar/import', { year: 2026 }), allow: ['sysadmin'] },
  'GET /api/calendar/add-working-days': {
    in: () => json('GET', '/api/calendar/add-working-days?date=2026-09-30&days=1'),
    allow: ALL,
  },
  'GET /api/calendar/working-days-between': {
    in: () => json('GET', '/api/calendar/working-days-between?from=2026-09-30&to=2026-10-09'),
    allow: ALL,
  },
  'GET /api/jobs': { in: () => json('GET', '/api/jobs'), allow: ['sysadmin'] },
  'POST /api/jobs/:name/run': {
    in: () => json('POST', '/api/jobs/session-cleanup/run'),
    out: () => json('POST', '/api/jobs/no-such-job/run'),
    allow: ['sysadmin'],
  },
  'GET /api/admin/clock': { in: () => json('GET', '/api/admin/clock'), allow: ['sysadmin'] },
  'POST /api/admin/clock': {
    in: () => json('POST', '/api/admin/clock', { now: new Date().toISOString() }),
    allow: ['sysadmin'],
  },
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const [zjj] = await db.select().from(units).where(eq(units.code, 'ZJJ'));
  zjjId = zjj.id;
  const [group1] = await db.select().from(groups).where(eq(groups.name, '第一督导巡查组'));
  for (const u of USERS) {
    const c = await t.as(u);
    clients.set(u, c);
    const scope = (await c.get('/api/me')).json().scope;
    const unitId =
      scope.allUnits || scope.unitIds.length === 0
        ? zjj.id
        : scope.unitIds.includes(zjj.id)
          ? zjj.id
          : scope.unitIds[0];
    const [p] = await db
      .select()
      .from(people)
      .where(and(eq(people.unitId, unitId), isNull(people.deletedAt)))
      .limit(1);
    fixtures.set(u, { unitId, personId: p.id, groupId: scope.groupIds[0] ?? group1.id, scope });
  }
  // Another region: nobody of the demo county may see it.
  const [r] = await db.insert(regions).values({ name: '邻县', code: 'OTHER' }).returning();
  const u = await freshUnit(r.id);
  const [p] = await db.insert(people).values({ regionId: r.id, unitId: u.id, name: '邻县干部' }).returning();
  const [g] = await db.insert(groups).values({ regionId: r.id, kind: 'patrol', name: '邻县督导组' }).returning();
  other = { unitId: u.id, personId: p.id, groupId: g.id };
}, 120_000);
afterAll(() => t.close());

function expected(c: Case, user: User): number {
  if (c.allow.includes(user)) return c.ok ?? 200;
  if (c.hidden?.includes(user)) return 404;
  return 403;
}

async function send(user: User, req: Req) {
  const c = req.fresh ? await t.as(user) : (clients.get(user) as Client);
  const { fresh: _, ...opts } = req;
  return c.request(opts);
}

describe('access matrix', () => {
  it('covers every API route', () => {
    const missing = [...new Set(t.app.apiRoutes)].filter((r) => !(r in CASES));
    expect(missing, 'routes without an access case').toEqual([]);
    const stale = Object.keys(CASES).filter((r) => !t.app.apiRoutes.includes(r));
    expect(stale, 'cases for routes that no longer exist').toEqual([]);
  });

  for (const [route, c] of Object.entries(CASES)) {
    it(`${route}: every role, in scope`, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const user of USERS) {
        const res = await send(user, await c.in(fixtures.get(user) as Fixture));
        got[user] = res.statusCode;
        want[user] = expected(c, user);
      }
      expect(got).toEqual(want);
    });
    if (c.out) {
      const out = c.out;
      it(`${route}: every role, out of scope`, async () => {
        const got: Record<string, number> = {};
        const want: Record<string, number> = {};
        for (const user of USERS) {
          const res = await send(user, await out(other, fixtures.get(user) as Fixture));
          got[user] = res.statusCode;
          want[user] = c.allow.includes(user) || c.hidden?.includes(user) ? (c.outStatus ?? 404) : 403;
        }
        expect(got).toEqual(want);
      });
    }
  }

  it('each scoped role sees exactly its units in lists', async () => {
    const visible = async (u: User) => {
      const res = await (clients.get(u) as Client).get('/api/units?pageSize=2000');
      return (res.json().items as { shortName: string }[]).map((x) => x.shortName);
    };
    expect(await visible('zhujian')).toEqual(['县住建局']);
    expect((await visible('fuxianzhang')).sort()).toEqual(
      ['县住建局', '县应急管理局', '县城管局', '县自然资源局'].sort(),
    );
    expect((await visible('paizhu1')).sort()).toEqual(
      ['县住建局', '县自然资源局', '县交通运输局', '县水利局', '县城管局', '县生态环境分局'].sort(),
    );
    expect(await visible('bianban')).toEqual(['县委编办']);
    expect((await visible('office')).length).toBeGreaterThanOrEqual(55);
    expect(await visible('office')).not.toContain('临时单位-邻县');
  });
});
