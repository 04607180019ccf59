/**
 * Every role against objects inside and outside its scope, for every API route.
 * Each module lists its cases in `server/test/access/<module>.ts`; the suite fails when a route has none.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groups, people, units } from '../modules/org/org.tables.js';
import { type Case, type Fixture, type Other, type Req, USERS, type User, env, freshUnit } from './access.js';
import { ACCESS_CASES } from './access-cases.js';
import { type Client, createTestApp } from './harness.js';
import { regions } from '../platform/db/platform.tables.js';

const CASES = ACCESS_CASES;

const fixtures = new Map<User, Fixture>();
let other: Other;

beforeAll(async () => {
  env.t = await createTestApp();
  const db = env.t.database.db;
  const [zjj] = await db.select().from(units).where(eq(units.code, 'ZJJ'));
  env.zjjId = zjj.id;
  const [group1] = await db.select().from(groups).where(eq(groups.name, '第一督导巡查组'));
  for (const u of USERS) {
    const c = await env.t.as(u);
    env.clients.set(u, c);
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
afterAll(() => env.t.close());

function expected(c: Case, user: User): number {
  if (c.allow.includes(user)) return c.ok ?? 200;
  if (c.hidden?.includes(user)) return 404;
  return 403;
}

async function send(user: User, req: Req) {
  const c = req.fresh ? await env.t.as(user) : (env.clients.get(user) as Client);
  const { fresh: _, ...opts } = req;
  return c.request(opts);
}

describe('access matrix', () => {
  it('covers every API route', () => {
    const missing = [...new Set(env.t.app.apiRoutes)].filter((r) => !(r in CASES));
    expect(missing, 'routes without an access case').toEqual([]);
    const stale = Object.keys(CASES).filter((r) => !env.t.app.apiRoutes.includes(r));
    expect(stale, 'cases for routes that no longer exist').toEqual([]);
  });

  for (const [route, c] of Object.entries(CASES)) {
    it(`${route}: every role, in scope`, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const user of USERS) {
        const res = await send(user, await c.in(fixtures.get(user) as Fixture, user));
        got[user] = res.statusCode;
        want[user] = expected(c, user);
        if (c.body && res.statusCode === want[user] && c.allow.includes(user)) await c.body(res.json(), user);
      }
      expect(got).toEqual(want);
    });
    for (const link of c.links ?? []) {
      it(`${route}: every role, ${link.name}`, async () => {
        const got: Record<string, number> = {};
        const want: Record<string, number> = {};
        for (const user of USERS) {
          got[user] = (await send(user, await link.req(other, fixtures.get(user) as Fixture, user))).statusCode;
          want[user] = c.allow.includes(user) ? link.status : 403;
        }
        expect(got).toEqual(want);
      });
    }
    if (c.out) {
      const out = c.out;
      it(`${route}: every role, out of scope`, async () => {
        const got: Record<string, number> = {};
        const want: Record<string, number> = {};
        for (const user of USERS) {
          const res = await send(user, await out(other, fixtures.get(user) as Fixture, user));
          got[user] = res.statusCode;
          want[user] =
            c.allow.includes(user) || c.hidden?.includes(user) || c.seenBy?.includes(user) ? (c.outStatus ?? 404) : 403;
        }
        expect(got).toEqual(want);
      });
    }
  }

  it('each scoped role sees exactly its units in lists', async () => {
    const visible = async (u: User) => {
      const res = await (env.clients.get(u) as Client).get('/api/units?pageSize=2000');
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
