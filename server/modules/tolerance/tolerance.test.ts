import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/context.js';
import { auditEvents } from '../../platform/db/platform.tables.js';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { TINY_PNG, readWorkbook } from '../../test/xlsx.js';
import { units } from '../org/org.tables.js';
import { toleranceFilings } from './tolerance.tables.js';
import { matchingFilings } from './tolerance.service.js';

let t: TestApp;
let zhujian: Client;
let head: Client;
let leader: Client;
let yingji: Client;
let paizhu1: Client;
let zjj: typeof units.$inferSelect;
let yjj: typeof units.$inferSelect;

beforeAll(async () => {
  t = await createTestApp();
  [zhujian, head, leader, yingji, paizhu1] = await Promise.all(
    ['zhujian', 'zhujian.head', 'leader', 'yingji', 'paizhu1'].map((u) => t.as(u)),
  );
  [zjj] = await t.database.db.select().from(units).where(eq(units.code, 'ZJJ'));
  [yjj] = await t.database.db.select().from(units).where(eq(units.code, 'YJJ'));
});
afterAll(() => t.close());

const input = (over: Record<string, unknown> = {}) => ({
  unitId: zjj.id,
  personIds: [zjj.principalPersonId],
  matter: '城中村改造征收补偿先行试点',
  decision: '对城中村改造项目实行“先补偿后搬迁”，补偿款由县城投集团先行垫付。',
  basis: '《国有土地上房屋征收与补偿条例》；县政府常务会议纪要。',
  exploratory: true,
  minutes: '2026年3月局党组会议集体研究同意。',
  dissent: '副局长李某提出垫付风险，意见已记录。',
  risk: '垫付资金回收风险。',
  decidedOn: '2026-03-10',
  reviewOn: '2026-09-10',
  toleranceItems: ['reform_pilot'],
  ...over,
});

const fire = async (c: Client, id: string, body: Record<string, unknown>) => {
  const f = (await c.get(`/api/tolerance-filings/${id}`)).json();
  return c.post(`/api/tolerance-filings/${id}/events`, { version: f.version, ...body });
};

describe('tolerance pre-registrations', () => {
  it('validates a filing with Chinese messages', async () => {
    const late = await zhujian.post('/api/tolerance-filings', input({ reviewOn: '2026-01-01' }));
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ field: 'reviewOn', message: '复核日期不能早于决策日期' });
    const empty = await zhujian.post('/api/tolerance-filings', input({ matter: ' ' }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('请填写备案事项');
    const nobody = await zhujian.post('/api/tolerance-filings', input({ personIds: [] }));
    expect(nobody.json().message).toContain('请至少选择一名责任人');
    const stranger = await zhujian.post('/api/tolerance-filings', input({ personIds: [crypto.randomUUID()] }));
    expect(stranger.json()).toMatchObject({ code: 'PERSON_NOT_FOUND', field: 'personIds' });
    // A unit files only for itself.
    const other = await zhujian.post('/api/tolerance-filings', input({ unitId: yjj.id }));
    expect(other.json()).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'unitId' });
  });

  it('runs draft → submitted → returned → submitted → approved, scoped and audited', async () => {
    const created = await zhujian.post('/api/tolerance-filings', input());
    expect(created.statusCode).toBe(201);
    const f = created.json();
    expect(f).toMatchObject({ state: 'draft', stateLabel: '草稿', actions: ['update', 'submit'] });
    expect(f.code).toMatch(/^RC2026-\d{4}$/);
    expect(f.people[0].id).toBe(zjj.principalPersonId);

    // Drafts stay with the unit; another unit never sees the filing.
    expect((await leader.get(`/api/tolerance-filings/${f.id}`)).statusCode).toBe(404);
    expect((await yingji.get(`/api/tolerance-filings/${f.id}`)).statusCode).toBe(404);

    const edited = await head.patch(`/api/tolerance-filings/${f.id}`, { version: f.version, risk: '已约定分期回收' });
    expect(edited.statusCode).toBe(200);
    expect((await head.patch(`/api/tolerance-filings/${f.id}`, { version: f.version, risk: 'x' })).statusCode).toBe(
      409,
    );

    expect((await fire(zhujian, f.id, { type: 'approve' })).statusCode).toBe(403);
    const submitted = await fire(zhujian, f.id, { type: 'submit' });
    expect(submitted.json()).toMatchObject({ state: 'submitted', actions: [] });
    expect((await yingji.get(`/api/tolerance-filings/${f.id}`)).statusCode).toBe(404);
    // The dispatched group overseeing 住建局 reads it.
    expect((await paizhu1.get(`/api/tolerance-filings/${f.id}`)).statusCode).toBe(200);
    expect(
      (await head.patch(`/api/tolerance-filings/${f.id}`, { version: submitted.json().version, risk: 'x' })).json()
        .code,
    ).toBe('TOLERANCE_NOT_EDITABLE');

    const inbox = async (c: Client) =>
      ((await c.get('/api/notifications?pageSize=50')).json().items as { title: string; body: string }[]).filter((n) =>
        n.body.includes(f.code),
      );
    expect((await inbox(leader)).map((n) => n.title)).toContain('【容错免责备案】请审批');
    const seen = (await leader.get(`/api/tolerance-filings/${f.id}`)).json();
    expect(seen.actions).toEqual(['approve', 'return']);
    const noReason = await fire(leader, f.id, { type: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toBe('请填写退回理由');
    const returned = await fire(leader, f.id, { type: 'return', comment: '请补充会议纪要原件' });
    expect(returned.json()).toMatchObject({ state: 'returned', returnReason: '请补充会议纪要原件' });
    expect((await fire(leader, f.id, { type: 'approve' })).statusCode).toBe(422);
    expect((await inbox(zhujian)).map((n) => n.body)).toContain(`${f.code}「${f.matter}」已退回：请补充会议纪要原件`);

    const file = new FormData();
    file.append('file', new Blob([new Uint8Array(TINY_PNG)]), '会议纪要.png');
    const req = new Request('http://x', { method: 'POST', body: file });
    const up = await zhujian.request({
      method: 'POST',
      url: `/api/tolerance-filings/${f.id}/minutes-file`,
      payload: Buffer.from(await req.arrayBuffer()),
      headers: { 'content-type': req.headers.get('content-type') as string },
    });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ hasMinutesFile: true, minutesFileName: '会议纪要.png' });

    await fire(zhujian, f.id, { type: 'submit' });
    const approved = await fire(leader, f.id, { type: 'approve', comment: '同意备案' });
    expect(approved.json()).toMatchObject({ state: 'approved', stateLabel: '已备案', approvalComment: '同意备案' });
    expect(approved.json().events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'submit',
      'return',
      'submit',
      'approve',
    ]);
    const download = await leader.get(`/api/tolerance-filings/${f.id}/minutes-file`);
    expect(download.rawPayload.equals(TINY_PNG)).toBe(true);
    expect(download.headers['content-type']).toBe('image/png');

    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, f.id));
    expect(
      audit
        .filter((a) => a.type !== 'notification.sent')
        .map((a) => a.type)
        .sort(),
    ).toEqual(
      [
        'tolerance.created',
        'tolerance.updated',
        'tolerance.event',
        'tolerance.event',
        'tolerance.event',
        'tolerance.file_uploaded',
        'tolerance.event',
      ].sort(),
    );
    // Two submissions to the leaders, the return and the approval to the unit.
    expect(audit.filter((a) => a.type === 'notification.sent')).toHaveLength(4);
  });

  it('downloads the filing as a .docx table form with boxes for the seal and the signatures', async () => {
    const created = (await zhujian.post('/api/tolerance-filings', input())).json();
    const res = await zhujian.get(`/api/tolerance-filings/${created.id}/documents/filing.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('officedocument');
    // Codes are written with word joiners (U+2060) around their hyphens so that a line never splits them.
    const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']).replaceAll('\u2060', '');
    for (const text of [
      '容错免责事前备案表',
      created.code,
      '城中村改造征收补偿先行试点',
      '单位盖章：',
      '负责人签字：',
      '审批人：',
    ])
      expect(xml).toContain(text);
    expect(xml.match(/<w:tbl>/g)?.length).toBe(2);
    // Another unit's liaison does not see it.
    expect((await yingji.get(`/api/tolerance-filings/${created.id}/documents/filing.docx`)).statusCode).toBe(404);
  });

  it('lists with filters and Chinese search, each unit only its own', async () => {
    const mine = (await zhujian.get('/api/tolerance-filings?pageSize=100')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((x: { unitId: string }) => x.unitId === zjj.id)).toBe(true);
    const theirs = (await yingji.get('/api/tolerance-filings?pageSize=100')).json();
    expect(theirs.items.every((x: { unitId: string }) => x.unitId === yjj.id)).toBe(true);
    // The leader sees every unit's, but no drafts.
    const all = (await leader.get('/api/tolerance-filings?pageSize=100')).json();
    expect(new Set(all.items.map((x: { unitId: string }) => x.unitId)).size).toBeGreaterThan(3);
    expect(all.items.some((x: { state: string }) => x.state === 'draft')).toBe(false);
    const approved = (await leader.get('/api/tolerance-filings?state=approved&pageSize=100')).json();
    expect(approved.items.every((x: { state: string }) => x.state === 'approved')).toBe(true);
    const found = (await leader.get(`/api/tolerance-filings?q=${encodeURIComponent('老旧小区')}`)).json();
    expect(found.items.map((x: { matter: string }) => x.matter)).toEqual(['老旧小区改造“先改后补”试点']);
    const byUnit = (await leader.get(`/api/tolerance-filings?unitId=${yjj.id}`)).json();
    expect(byUnit.items.every((x: { unitName: string }) => x.unitName === '县应急管理局')).toBe(true);
    expect((await leader.get('/api/tolerance-filings?state=bogus')).statusCode).toBe(400);
    const reviews = (await leader.get('/api/tolerance-filings?sort=-reviewOn&pageSize=100')).json().items as {
      reviewOn: string;
    }[];
    expect(reviews.map((x) => x.reviewOn)).toEqual(
      reviews
        .map((x) => x.reviewOn)
        .sort()
        .reverse(),
    );

    // The export follows the list's filters and the caller's scope.
    const sheet = (await readWorkbook((await zhujian.get('/api/tolerance-filings/export.xlsx')).rawPayload))
      .容错免责事前备案;
    expect(sheet[0][0]).toBe('编号');
    expect(sheet.length - 1).toBe(mine.total);
    expect(sheet.slice(1).every((r) => r[1] === '县住建局')).toBe(true);
  });
});

describe('matchingFilings', () => {
  async function ctxFor(regionId: string, unitIds: string[]): Promise<Ctx> {
    return {
      db: t.database.db,
      ip: null,
      clock: t.clock,
      now: t.clock.now(),
      actor: {
        userId: crypto.randomUUID(),
        username: 'case',
        displayName: '案件审理室',
        personId: null,
        sessionId: 'x',
        csrfToken: 'x',
        roles: [],
        permissions: new Set(['cases:read']),
        scope: { regionId, allUnits: false, unitIds, groupIds: [], personId: null },
      },
    };
  }

  it('ranks approved filings: same person over same unit, similar matter adds; never another region', async () => {
    const db = t.database.db;
    const regionId = zjj.regionId;
    const principal = zjj.principalPersonId as string;
    const [fgj] = await db.select().from(units).where(eq(units.code, 'FGJ'));
    const base = {
      regionId,
      personIds: [] as string[],
      decision: '测试决策',
      basis: '依据',
      minutes: '纪要',
      decidedOn: '2026-05-20',
      reviewOn: '2026-11-20',
      state: 'approved',
    };
    const insert = async (v: Partial<typeof toleranceFilings.$inferInsert>) =>
      (
        await db
          .insert(toleranceFilings)
          .values({
            ...base,
            code: `M-${crypto.randomBytes(3).toString('hex')}`,
            unitId: zjj.id,
            matter: '其他事项',
            ...v,
          })
          .returning()
      )[0];
    const personElsewhere = await insert({ unitId: fgj.id, personIds: [principal], matter: '项目审批事项' });
    const unitOnly = await insert({ matter: '办公用房调整' });
    const notApproved = await insert({ state: 'submitted', personIds: [principal] });
    const outOfWindow = await insert({ decidedOn: '2025-05-20', personIds: [principal] });
    const otherRegion = await insert({ regionId: crypto.randomUUID(), personIds: [principal] });
    const unrelated = await insert({ unitId: fgj.id, matter: '老旧小区改造' });

    // A case officer whose own unit scope excludes 住建局 still sees its filings.
    const ctx = await ctxFor(regionId, [crypto.randomUUID()]);
    const got = await matchingFilings(ctx, {
      unitIds: [zjj.id],
      personIds: [principal],
      from: '2026-01-01',
      to: '2026-12-31',
      text: '老旧小区改造先改后补加装电梯',
    });
    const ids = got.map((g) => g.id);
    for (const x of [notApproved, outOfWindow, otherRegion, unrelated]) expect(ids).not.toContain(x.id);
    const seeded = got[0];
    expect(seeded).toMatchObject({
      matter: '老旧小区改造“先改后补”试点',
      unitName: '县住建局',
      decidedOn: '2026-05-12',
      exploratory: true,
      state: 'approved',
      reasons: ['同一责任人', '同一单位', '事项相近'],
    });
    const at = (id: string) => got.findIndex((g) => g.id === id);
    expect(at(personElsewhere.id)).toBeGreaterThan(0);
    expect(at(personElsewhere.id)).toBeLessThan(at(unitOnly.id));
    expect(got[at(personElsewhere.id)].reasons).toEqual(['同一责任人']);
    expect(got[at(unitOnly.id)].reasons).toEqual(['同一单位']);
    const scores = got.map((g) => g.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    // The window bounds are inclusive; without a text, similarity adds nothing.
    const narrow = await matchingFilings(ctx, {
      unitIds: [zjj.id],
      personIds: [],
      from: '2026-05-12',
      to: '2026-05-12',
    });
    expect(narrow.map((g) => g.decidedOn)).toEqual(['2026-05-12']);
    expect(narrow[0]).toMatchObject({ reasons: ['同一单位'], score: 30 });

    // Another region's caller sees none of the demo county's filings.
    const stranger = await ctxFor(crypto.randomUUID(), []);
    expect(
      await matchingFilings(stranger, {
        unitIds: [zjj.id],
        personIds: [principal],
        from: '2026-01-01',
        to: '2026-12-31',
      }),
    ).toEqual([]);
  });
});
