import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userRoles, users } from '../../platform/auth/auth.tables.js';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { readWorkbook } from '../../test/xlsx.js';
import { people, units } from '../org/org.tables.js';
import { commitmentSignatures } from './responsibility.tables.js';

let t: TestApp;
let office: Client;
let leader: Client;
let zuzhibu: Client;
let head: Client;
let fu: Client;
let zhujian: Client;
let paizhu1: Client;
let sysadmin: Client;

beforeAll(async () => {
  t = await createTestApp();
  [office, leader, zuzhibu, head, fu, zhujian, paizhu1, sysadmin] = await Promise.all(
    ['office', 'leader', 'zuzhibu', 'zhujian.head', 'fuxianzhang', 'zhujian', 'paizhu1', 'sysadmin'].map((u) =>
      t.as(u),
    ),
  );
});
afterAll(() => t.close());

const db = () => t.database.db;
const TEXT = { title: '党风廉政建设主体责任承诺书', body: '本人郑重承诺：认真履行党风廉政建设第一责任人职责。' };
const publish = (year: number, signerKind: string, body: string, baseRevision: number | null, c = office) =>
  c.post('/api/commitments', { year, signerKind, title: TEXT.title, body, baseRevision });
const mine = async (c: Client, year: number) => (await c.get(`/api/commitments/mine?year=${year}`)).json();
const signers = async (c: Client, query: string) => c.get(`/api/commitments/signers?pageSize=2000&${query}`);
const personOf = async (username: string) =>
  (await db().select().from(users).where(eq(users.username, username)))[0].personId as string;

/** The expected signers computed independently from the org tables: principals and unit heads, then 班子成员. */
async function expectedSigners() {
  const [zjj] = await db().select().from(units).where(eq(units.code, 'ZJJ'));
  const live = await db()
    .select()
    .from(people)
    .where(and(eq(people.regionId, zjj.regionId), isNull(people.deletedAt)));
  const alive = new Map(live.map((p) => [p.id, p]));
  const unitRows = await db()
    .select()
    .from(units)
    .where(and(eq(units.regionId, zjj.regionId), isNull(units.deletedAt)));
  const heads = await db()
    .select({ personId: users.personId, unitId: userRoles.unitId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(eq(userRoles.role, 'unit_head'));
  const principals = new Map<string, string>();
  for (const u of unitRows) if (u.principalPersonId) principals.set(u.principalPersonId, u.id);
  for (const h of heads)
    if (h.personId && h.unitId && !principals.has(h.personId)) principals.set(h.personId, h.unitId);
  const liveUnits = new Set(unitRows.map((u) => u.id));
  const principal = [...principals].filter(([p, u]) => alive.has(p) && liveUnits.has(u));
  const member = live.filter((p) => p.isLeader && !principals.has(p.id) && liveUnits.has(p.unitId));
  return {
    zjj,
    all: [
      ...principal.map(([personId, unitId]) => ({ personId, unitId, kind: 'principal' })),
      ...member.map((p) => ({ personId: p.id, unitId: p.unitId, kind: 'member' })),
    ],
  };
}

describe('versioning', () => {
  it('keeps every version; an edit from an old version is a conflict; unchanged text is refused', async () => {
    const y = 2031;
    const v1 = await publish(y, 'principal', TEXT.body, null);
    expect(v1.statusCode).toBe(201);
    expect(v1.json()).toMatchObject({ revision: 1, signerKindLabel: '单位主要负责人', title: TEXT.title });
    expect(v1.json().textHash).toBe(createHash('sha256').update(`${TEXT.title}\n\n${TEXT.body}`).digest('hex'));
    expect((await publish(y, 'principal', `${TEXT.body}（修订）`, null)).statusCode).toBe(409);
    const v2 = await publish(y, 'principal', `${TEXT.body}（修订）`, 1);
    expect(v2.json().revision).toBe(2);
    expect((await publish(y, 'principal', `${TEXT.body}（修订）`, 2)).statusCode).toBe(422);
    expect((await publish(y, 'principal', 'x', 1)).statusCode).toBe(409);
    // The other kind is versioned on its own.
    expect((await publish(y, 'member', TEXT.body, null)).json().revision).toBe(1);

    const o = (await office.get(`/api/commitments?year=${y}`)).json();
    const p = o.kinds.find((k: { signerKind: string }) => k.signerKind === 'principal');
    expect(p.current.revision).toBe(2);
    expect(p.versions.map((v: { revision: number; body: string }) => [v.revision, v.body])).toEqual([
      [2, `${TEXT.body}（修订）`],
      [1, TEXT.body],
    ]);
    expect(o.actions).toEqual(['publish', 'remind']);
    // Only the office and the commission leaders publish.
    for (const c of [zuzhibu, head, fu, zhujian])
      expect((await publish(y, 'principal', 'y', 2, c)).statusCode).toBe(403);
  });
});

describe('signing', () => {
  it('signs the current version once, asks to sign again after a new version, keeps what was signed', async () => {
    const y = 2032;
    const v1 = (await publish(y, 'principal', TEXT.body, null)).json();
    const v2 = (await publish(y, 'principal', `${TEXT.body}第二版`, 1)).json();
    const before = await mine(head, y);
    expect(before).toMatchObject({
      signer: { signerKind: 'principal', unitName: '县住建局' },
      text: { id: v2.id, revision: 2 },
      status: 'unsigned',
      statusLabel: '未签',
      actions: ['sign'],
    });
    expect((await head.post(`/api/commitments/${v1.id}/sign`)).statusCode).toBe(422);
    const signed = await head.post(`/api/commitments/${v2.id}/sign`);
    expect(signed.statusCode).toBe(201);
    const s = signed.json();
    expect(s).toMatchObject({ revision: 2, textId: v2.id, textHash: v2.textHash, body: v2.body, superseded: false });
    const [row] = await db().select().from(commitmentSignatures).where(eq(commitmentSignatures.id, s.id));
    expect(row.personId).toBe(await personOf('zhujian.head'));
    expect(row.userId).toBe((await db().select().from(users).where(eq(users.username, 'zhujian.head')))[0].id);
    expect(row.signedAt).toBeInstanceOf(Date);
    expect((await head.post(`/api/commitments/${v2.id}/sign`)).json().code).toBe('COMMITMENT_SIGNED');
    expect(await mine(head, y)).toMatchObject({ status: 'signed', actions: [] });

    // A new version: 待重新签署, told through the inbox.
    const v3 = (await publish(y, 'principal', `${TEXT.body}第三版`, 2)).json();
    expect(await mine(head, y)).toMatchObject({
      status: 'resign',
      statusLabel: '需重签',
      actions: ['sign'],
      signature: { id: s.id, superseded: true },
    });
    const inbox = (await head.get('/api/notifications?pageSize=50')).json().items;
    expect(inbox.some((n: { kind: string; link: string }) => n.kind === 'commitment.revised')).toBe(true);
    expect((await head.post(`/api/commitments/${v3.id}/sign`)).statusCode).toBe(201);
    expect((await mine(head, y)).status).toBe('signed');
    // The old signature still shows the words it signed.
    expect((await head.get(`/api/commitments/signatures/${s.id}`)).json()).toMatchObject({
      body: v2.body,
      revision: 2,
      superseded: true,
    });
    // A 班子成员 signs the members' text, not the principals'; a non-signer is not told the text exists.
    expect((await fu.post(`/api/commitments/${v3.id}/sign`)).statusCode).toBe(403);
    expect((await zhujian.post(`/api/commitments/${v3.id}/sign`)).statusCode).toBe(404);
    expect((await mine(zhujian, y)).signer).toBeNull();
    expect((await mine(fu, y)).signer.signerKind).toBe('member');
  });
});

describe('who has not signed', () => {
  it('lists every expected signer with 已签 / 未签 / 需重签, filters, exports and reminds', async () => {
    const y = 2033;
    const { zjj, all } = await expectedSigners();
    const p1 = (await publish(y, 'principal', TEXT.body, null)).json();
    const m1 = (await publish(y, 'member', TEXT.body, null)).json();
    await head.post(`/api/commitments/${p1.id}/sign`);
    await fu.post(`/api/commitments/${m1.id}/sign`);
    await zuzhibu.post(`/api/commitments/${m1.id}/sign`);
    await publish(y, 'member', `${TEXT.body}修订`, 1); // fu and zuzhibu must sign again

    const list = (await signers(office, `year=${y}`)).json();
    expect(list.total).toBe(all.length);
    expect(
      list.items.map((i: { personId: string; signerKind: string }) => `${i.personId}|${i.signerKind}`).sort(),
    ).toEqual(all.map((e) => `${e.personId}|${e.kind}`).sort());
    const statusOf = (id: string) => list.items.find((i: { personId: string }) => i.personId === id)?.status;
    expect(statusOf(await personOf('zhujian.head'))).toBe('signed');
    expect(statusOf(await personOf('fuxianzhang'))).toBe('resign');
    expect(statusOf(await personOf('zuzhibu'))).toBe('resign');
    expect(statusOf(await personOf('office'))).toBe('unsigned');

    const unsigned = (await signers(office, `year=${y}&status=unsigned`)).json();
    expect(unsigned.total).toBe(all.length - 3);
    expect((await signers(office, `year=${y}&status=resign&signerKind=member`)).json().total).toBe(2);
    const ofUnit = (await signers(office, `year=${y}&unitId=${zjj.id}`)).json();
    expect(ofUnit.total).toBe(all.filter((e) => e.unitId === zjj.id).length);
    expect(ofUnit.items[0]).toMatchObject({ signerKind: 'principal', statusLabel: '已签', signedRevision: 1 });

    const overview = (await office.get(`/api/commitments?year=${y}`)).json();
    const counts = overview.kinds.map((k: { counts: object }) => k.counts);
    expect(counts[0]).toEqual({
      expected: all.filter((e) => e.kind === 'principal').length,
      signed: 1,
      unsigned: all.filter((e) => e.kind === 'principal').length - 1,
      resign: 0,
    });
    expect(counts[1]).toMatchObject({ signed: 0, resign: 2 });

    const xlsx = await office.get(`/api/commitments/signers/export.xlsx?year=${y}&status=unsigned`);
    expect(xlsx.statusCode).toBe(200);
    const sheet = (await readWorkbook(xlsx.rawPayload)).签字承诺情况;
    expect(sheet[0]).toEqual(['序号', '单位', '姓名', '职务', '签署对象', '状态', '签署版本', '签署时间']);
    expect(sheet.length - 1).toBe(unsigned.total);
    expect(sheet.slice(1).every((r) => r[5] === '未签')).toBe(true);

    // A reminder reaches those still to sign a published text, not those who signed.
    const y2 = 2034;
    await publish(y2, 'principal', TEXT.body, null);
    const r = (await office.post('/api/commitments/reminders', { year: y2, unitId: zjj.id })).json();
    expect(r).toEqual({ signers: 1, notified: 1 }); // zhujian.head; the members' text is not out yet
    const inbox = (await head.get('/api/notifications?pageSize=50')).json().items;
    expect(inbox.some((n: { kind: string }) => n.kind === 'commitment.reminder')).toBe(true);
    const none = (
      await office.post('/api/commitments/reminders', { year: y, unitId: zjj.id, signerKind: 'principal' })
    ).json();
    expect(none.signers).toBe(0);
    expect((await zuzhibu.post('/api/commitments/reminders', { year: y })).statusCode).toBe(403);
  });
});

describe('scope', () => {
  it('office and leaders see the region, 组织部 reads, a unit head the unit, a signer their own, others 404', async () => {
    const y = 2035;
    const { zjj, all } = await expectedSigners();
    const p1 = (await publish(y, 'principal', TEXT.body, null)).json();
    const m1 = (await publish(y, 'member', TEXT.body, null)).json();
    const headSig = (await head.post(`/api/commitments/${p1.id}/sign`)).json();
    const fuSig = (await fu.post(`/api/commitments/${m1.id}/sign`)).json();
    const total = async (c: Client) => (await signers(c, `year=${y}`)).json();

    for (const c of [office, leader, zuzhibu]) expect((await total(c)).total).toBe(all.length);
    expect((await zuzhibu.get(`/api/commitments?year=${y}`)).json().actions).toEqual([]);
    const ofHead = await total(head);
    expect(ofHead.total).toBe(all.filter((e) => e.unitId === zjj.id).length);
    expect(ofHead.items.every((i: { unitId: string }) => i.unitId === zjj.id)).toBe(true);
    const own = await total(fu);
    expect(own.items.map((i: { personId: string }) => i.personId)).toEqual([await personOf('fuxianzhang')]);
    expect((await total(paizhu1)).total).toBe(1);
    for (const c of [zhujian, sysadmin]) {
      expect((await c.get(`/api/commitments?year=${y}`)).statusCode).toBe(404);
      expect((await signers(c, `year=${y}`)).statusCode).toBe(404);
      expect((await c.get(`/api/commitments/signers/export.xlsx?year=${y}`)).statusCode).toBe(404);
    }

    const see = async (c: Client, id: string) => (await c.get(`/api/commitments/signatures/${id}`)).statusCode;
    for (const c of [office, leader, zuzhibu, fu]) expect(await see(c, fuSig.id)).toBe(200);
    for (const c of [head, paizhu1, zhujian]) expect(await see(c, fuSig.id)).toBe(404);
    for (const c of [office, zuzhibu, head]) expect(await see(c, headSig.id)).toBe(200);
    for (const c of [fu, paizhu1, zhujian, sysadmin]) expect(await see(c, headSig.id)).toBe(404);
  });

  it('the demo county has this year’s texts, some signed and some not', async () => {
    const y = t.clock.now().getFullYear();
    const o = (await office.get(`/api/commitments?year=${y}`)).json();
    for (const k of o.kinds) {
      expect(k.current).not.toBeNull();
      expect(k.counts.signed).toBeGreaterThan(0);
      expect(k.counts.unsigned).toBeGreaterThan(0);
    }
    expect(o.kinds.some((k: { counts: { resign: number } }) => k.counts.resign > 0)).toBe(true);
    expect((await mine(head, y)).actions).toEqual(['sign']);
  });
});
