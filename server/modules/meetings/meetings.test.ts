import crypto from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type Client, testAppForFile, unitByCode } from '../../test/harness.js';
import { readWorkbook } from '../../test/xlsx.js';

const unitId = async (code: string) => (await unitByCode(office, code)).id as string;

const t = testAppForFile();
const office = t.client('office');
const bianban = t.client('bianban');

const fire = async (c: Client, id: string, body: Record<string, unknown>) => {
  const m = (await c.get(`/api/meetings/${id}`)).json();
  return c.post(`/api/meetings/${id}/events`, { version: m.version, ...body });
};

describe('joint meetings', () => {
  it('assembles the agenda, records decisions that take effect, and produces minutes', async () => {
    const members = [await unitId('XWB'), await unitId('ZFB'), await unitId('ZZB'), await unitId('BB')];
    const created = await office.post('/api/meetings', {
      title: '第四季度模拟问责联席会议',
      scheduledAt: '2026-11-25T02:00:00Z',
      place: '县纪委监委第一会议室',
      memberUnitIds: members,
    });
    expect(created.statusCode).toBe(201);
    const m = created.json();
    const disputes = m.items.filter((i: { kind: string }) => i.kind === 'dispute');
    const warnings = m.items.filter((i: { kind: string }) => i.kind === 'warning');
    expect(disputes.length).toBeGreaterThan(0);
    expect(warnings.length).toBeGreaterThan(0);

    // 编办 sits in the meeting and reads it; a unit outside it does not.
    expect((await bianban.get(`/api/meetings/${m.id}`)).statusCode).toBe(200);
    expect((await (await t.as('yingji')).get(`/api/meetings/${m.id}`)).statusCode).toBe(403);
    expect((await fire(bianban, m.id, { type: 'hold' })).statusCode).toBe(403);

    expect(
      (await fire(office, m.id, { type: 'decide', itemId: disputes[0].id, decisionKind: 'note', decision: 'x' }))
        .statusCode,
    ).toBe(422);
    expect((await fire(office, m.id, { type: 'hold' })).json().state).toBe('held');

    // 编办 names the lead unit: the problem's responsible unit changes and the dispute is settled.
    const problem = (await office.get(`/api/problems/${disputes[0].problemId}`)).json();
    const lead = problem.coUnitIds[0];
    const decided = await fire(office, m.id, {
      type: 'decide',
      itemId: disputes[0].id,
      decisionKind: 'lead_unit',
      leadUnitId: lead,
      decision: '经编办研究，明确牵头单位',
    });
    expect(decided.statusCode).toBe(200);
    const after = (await office.get(`/api/problems/${problem.id}`)).json();
    expect(after).toMatchObject({ unitId: lead, leadUnitConfirmed: true });
    expect(after.coUnitIds).toContain(problem.unitId);

    const w = warnings[0];
    await fire(office, m.id, { type: 'decide', itemId: w.id, decisionKind: 'issue_warning', decision: '发出提醒函' });
    expect((await office.get(`/api/warnings/${w.warningId}`)).json()).toMatchObject({
      state: 'issued',
      meetingId: m.id,
    });

    const noOwner = await fire(office, m.id, {
      type: 'decide',
      itemId: warnings[1]?.id ?? disputes[1].id,
      decisionKind: 'new_problem',
    });
    expect(noOwner.json().code).toBe('OWNER_REQUIRED');
    const owner = (await office.get(`/api/people?unitId=${members[3]}&pageSize=1`)).json().items[0];
    const task = await fire(office, m.id, { type: 'add_item', title: '厘清老旧小区改造职责边界' });
    const item = task.json().items.at(-1);
    const asProblem = await fire(office, m.id, {
      type: 'decide',
      itemId: item.id,
      decisionKind: 'new_problem',
      decision: '编办牵头制定职责边界清单',
      leadUnitId: members[3],
      ownerPersonId: owner.id,
      deadline: '2026-12-31',
    });
    const resultId = asProblem.json().items.find((i: { id: string }) => i.id === item.id).resultProblemId;
    expect((await office.get(`/api/problems/${resultId}`)).json()).toMatchObject({
      state: 'dispatched',
      responsiblePersonId: owner.id,
    });

    expect((await fire(office, m.id, { type: 'close' })).json().code).toBe('SUMMARY_REQUIRED');
    const closed = await fire(office, m.id, { type: 'close', summary: '各单位按议定事项抓好落实' });
    expect(closed.json().state).toBe('closed');
    const minutes = await bianban.get(`/api/meetings/${m.id}/documents/minutes.docx`);
    expect(minutes.statusCode).toBe(200);
    expect(minutes.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // GB/T 9704 10.3: the 纪要标志, no 发文字号, an 出席 list, items by unit and matter (no internal codes).
    const xml = strFromU8(unzipSync(new Uint8Array(minutes.rawPayload))['word/document.xml']);
    for (const text of ['示范县模拟问责联席会议纪要', '出席：', '第四季度模拟问责联席会议', '厘清老旧小区改造职责边界'])
      expect(xml).toContain(text);
    // Items are named by unit and matter, never by internal codes; the 纪要 carries its registry number.
    expect(xml).not.toMatch(/[A-Z]{2,5}-\d{4}-\d+/);
    expect(xml).toMatch(/模联纪〔\d{4}〕[1-9]\d*号/);
  });

  it('exports the meetings each caller may see, in the list’s order', async () => {
    const created = await office.post('/api/meetings', {
      title: '仅县委办参加的联席会议',
      scheduledAt: '2026-12-01T02:00:00Z',
      memberUnitIds: [await unitId('XWB')],
      assemble: false,
    });
    expect(created.statusCode).toBe(201);
    const ledger = async (c: Client, query = '') => {
      const res = await c.get(`/api/meetings/export.xlsx${query}`);
      expect(res.statusCode).toBe(200);
      return (await readWorkbook(res.rawPayload)).联席会议.slice(1);
    };
    const titles = async (c: Client, query = '') =>
      (await c.get(`/api/meetings?pageSize=2000${query}`)).json().items.map((m: { title: string }) => m.title);

    // 编办 does not sit in it: neither its list nor its ledger shows it.
    const theirs = await ledger(bianban);
    expect(theirs.map((r) => r[0])).toEqual(await titles(bianban));
    expect(theirs.map((r) => r[0])).not.toContain('仅县委办参加的联席会议');
    const ours = await ledger(office, '?sort=scheduledAt');
    expect(ours.map((r) => r[0])).toEqual(await titles(office, '&sort=scheduledAt'));
    expect(ours.find((r) => r[0] === '仅县委办参加的联席会议')).toEqual(
      expect.arrayContaining(['2026-12-01 10:00', '待召开', '县委办']),
    );
    expect((await office.get('/api/meetings/export.xlsx?sort=place')).statusCode).toBe(400);
  });
});

describe('links of a meeting (issue #21)', () => {
  it('refuses member units the caller cannot see, as if they did not exist', async () => {
    const res = await office.post('/api/meetings', {
      title: '成员单位校验',
      scheduledAt: '2026-12-01T02:00:00Z',
      memberUnitIds: [await unitId('XWB'), crypto.randomUUID()],
      assemble: false,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'memberUnitIds' });
  });
});
