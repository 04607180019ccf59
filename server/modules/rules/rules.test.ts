import crypto from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/context.js';
import { type Client, type TestApp, createTestApp, userIdsOf, unitByCode } from '../../test/harness.js';
import { exported } from '../../test/xlsx.js';
import { CLOCKS_V1 } from './rules.defaults.js';
import { itemsOf, publishRuleVersion, ruleInForce } from './rules.service.js';

let t: TestApp;
const c: Record<string, Client> = {};
let zjj: { id: string; principalPersonId: string };
let userIds: Record<string, string>;
let regionId: string;
const TODAY = '2026-11-02';

const docText = (buf: Buffer) => strFromU8(unzipSync(new Uint8Array(buf))['word/document.xml']).replace(/<[^>]+>/g, '');

const get = async (id: string) => (await c.leader.get(`/api/cases/${id}`)).json();
async function ok(u: string, id: string, body: Record<string, unknown>) {
  const res = await c[u].post(`/api/cases/${id}/events`, { version: (await get(id)).version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A party case against ZJJ's principal taken to review; `tolerance` is the determination's 容错 claim. */
async function toReview(situation: number, _tolerance?: Record<string, unknown>) {
  const res = await c.wenze1.post('/api/cases', {
    kind: 'party',
    sourceType: 'manual',
    title: `规则版本测试${crypto.randomBytes(3).toString('hex')}`,
    situation,
    subjects: [{ subjectType: 'person', personId: zjj.principalPersonId }],
    teamUserIds: [userIds.wenze2],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await ok('leader', id, { type: 'approve_launch' });
  await ok('wenze1', id, {
    type: 'record_facts',
    facts: { problem: '未按期整改', result: '造成不良影响', responsibility: '主要负责人失职', causation: '直接原因' },
  });
  await ok('wenze1', id, { type: 'issue_statement' });
  const [s] = (await get(id)).subjects as { id: string }[];
  await ok('wenze2', id, { type: 'record_defense', subjectId: s.id, defense: '无异议', signed: true });
  const determine = async (claim?: Record<string, unknown>) =>
    c.wenze1.post(`/api/cases/${id}/events`, {
      version: (await get(id)).version,
      type: 'determine',
      determinations: [
        {
          subjectId: s.id,
          responsibility: 'main_leadership',
          duty: 'supervision',
          ...(claim ? { tolerance: claim } : {}),
        },
      ],
    });
  return { id, subjectId: s.id, determine };
}

async function decided(situation: number, form: string) {
  const k = await toReview(situation);
  const res = await c.wenze1.post(`/api/cases/${k.id}/events`, {
    version: (await get(k.id)).version,
    type: 'determine',
    determinations: [{ subjectId: k.subjectId, responsibility: 'main_leadership', duty: 'supervision' }],
  });
  expect(res.statusCode, res.body).toBe(200);
  await ok('office', k.id, { type: 'sign_joint_review', office: 'df', comment: '同意' });
  await ok('anguan', k.id, { type: 'sign_joint_review', office: 'ag', comment: '同意' });
  await ok('caseoffice', k.id, { type: 'sign_joint_review', office: 'sl', comment: '同意' });
  const decide = await c.leader.post(`/api/cases/${k.id}/events`, {
    version: (await get(k.id)).version,
    type: 'decide',
    decisionDate: TODAY,
    decisions: [{ subjectId: k.subjectId, forms: [{ form, mode: 'impose' }] }],
  });
  return { ...k, decide };
}

const decisionText = async (id: string) => {
  const res = await c.leader.get(`/api/cases/${id}/documents/decision.docx`);
  expect(res.statusCode, res.body).toBe(200);
  return docText(res.rawPayload);
};

const publishClocks = (u: string, basedOn: number, months: number) =>
  c[u].post('/api/rules/clocks/versions', {
    basedOn,
    effectiveFrom: TODAY,
    source: '本县问责工作实施办法（2026年）',
    reason: '县委常委会研究决定延长执行期限',
    content: { ...CLOCKS_V1, clocks: { ...CLOCKS_V1.clocks, execution: { amount: months, unit: 'months' } } },
  });

beforeAll(async () => {
  t = await createTestApp();
  await t.setClock(`${TODAY}T02:00:00Z`);
  for (const u of [
    'leader',
    'office',
    'caseoffice',
    'anguan',
    'wenze1',
    'wenze2',
    'zhujian',
    'sysadmin',
    'secadmin',
    'auditadmin',
  ])
    c[u] = await t.as(u);
  zjj = await unitByCode(c.office, 'ZJJ');
  userIds = await userIdsOf(t);
  regionId = (await t.database.query<{ id: string }>("SELECT id FROM regions WHERE code = 'DEMO'")).rows[0].id;
});
afterAll(() => t.close());

describe('rule sets', () => {
  it('are seeded as version 1 rows, each item with its source, readable by the three administrators', async () => {
    const stored = await t.database.query<{ key: string; version: number }>('SELECT key, version FROM rule_versions');
    expect(stored.rows.filter((r) => r.version === 1)).toHaveLength(6);
    for (const u of ['sysadmin', 'secadmin', 'auditadmin', 'leader']) {
      const res = await c[u].get('/api/rules');
      expect(res.statusCode, `${u} ${res.body}`).toBe(200);
      expect(res.json().items).toHaveLength(6);
    }
    // Paged like every list: two pages of 4 hold the six sets once, in the same order.
    const all = (await c.sysadmin.get('/api/rules')).json();
    expect(all.total).toBe(6);
    const first = (await c.sysadmin.get('/api/rules?pageSize=4')).json();
    const second = (await c.sysadmin.get('/api/rules?pageSize=4&page=2')).json();
    expect([first.total, first.items.length, second.items.length]).toEqual([6, 4, 2]);
    expect([...first.items, ...second.items].map((r: { key: string }) => r.key)).toEqual(
      all.items.map((r: { key: string }) => r.key),
    );
    expect((await c.sysadmin.get('/api/rules?page=0')).statusCode).toBe(400);
    const situations = (await c.auditadmin.get('/api/rules/situations')).json();
    expect(situations.inForce.version).toBe(1);
    const items = situations.inForce.content.items as { key: string; text: string; source: string }[];
    expect(items.find((i) => i.key === '11')?.source).toBe('《中国共产党问责条例》（2019年修订）第七条第（十一）项');
    expect(items.find((i) => i.key === '21')?.source).toContain('第二十一条');
    const forms = (await c.sysadmin.get('/api/rules/forms')).json().inForce.content.items as {
      key: string;
      source: string;
    }[];
    expect(forms.map((f) => f.key)).toEqual(expect.arrayContaining(['口头诫勉', '书面诫勉']));
    expect(forms.map((f) => f.key)).not.toContain('诫勉');
    expect(forms.find((f) => f.key === '口头诫勉')?.source).toContain('谈话');
    // 三员分立: administrators read the rules, never the cases they are applied to.
    for (const u of ['sysadmin', 'secadmin', 'auditadmin']) expect((await c[u].get('/api/cases')).statusCode).toBe(403);
  });

  it('export as listed for the day asked about, to the same readers (GET /api/rules/export.xlsx)', async () => {
    for (const filter of ['', `on=${TODAY}`]) {
      const listed = (await c.auditadmin.get(`/api/rules?${filter}`)).json();
      const [header, ...rows] = (await exported(c.auditadmin, `/api/rules/export.xlsx?${filter}`)).问责规则;
      expect(header).toEqual(['规则', '地方可调整', '施行版本', '施行日期', '依据']);
      type Row = { label: string; local: boolean; scopeName: string; version: number; effectiveFrom: string };
      expect(rows.map((r) => r.slice(0, 4))).toEqual(
        listed.items.map((r: Row) => [
          r.label,
          r.local ? '可按地区调整' : '全省统一',
          `${r.scopeName}第${r.version}版`,
          r.effectiveFrom,
        ]),
      );
      expect(rows.map((r) => r[4])).toEqual(listed.items.map((r: { source: string }) => r.source));
    }
    // A unit reads no rules: 403 for the export as for the list.
    expect((await c.zhujian.get('/api/rules')).statusCode).toBe(403);
    expect((await c.zhujian.get('/api/rules/export.xlsx')).statusCode).toBe(403);
  });

  it('are immutable once published', async () => {
    await expect(t.database.query("UPDATE rule_versions SET reason = 'x' WHERE key = 'situations'")).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.query("DELETE FROM rule_versions WHERE key = 'clocks'")).rejects.toThrow(/append-only/);
  });

  it('are published only by the system administrator, only where the law allows local variation, audited', async () => {
    for (const u of ['leader', 'caseoffice', 'secadmin', 'auditadmin'])
      expect((await publishClocks(u, 0, 2)).statusCode).toBe(403);
    const national = await c.sysadmin.post('/api/rules/situations/versions', {
      basedOn: 0,
      effectiveFrom: TODAY,
      source: '本县规定',
      reason: '试图地方调整',
      content: { items: [{ key: '1', text: '改写', source: '本县' }] },
    });
    expect(national.statusCode, national.body).toBe(422);
    expect(national.json().code).toBe('RULE_NOT_LOCAL');
    expect((await publishClocks('sysadmin', 99, 2)).statusCode).toBe(409);
    const past = await c.sysadmin.post('/api/rules/clocks/versions', {
      basedOn: 0,
      effectiveFrom: '2026-01-01',
      source: '本县',
      reason: '追溯',
      content: CLOCKS_V1,
    });
    expect(past.statusCode).toBe(400);
    const audits = await t.database.query("SELECT 1 FROM audit_events WHERE type = 'rules.published'");
    expect(audits.rows).toHaveLength(0);
  });
});

describe('decisions', () => {
  it('cite the versions they were made under; a later version changes neither the citation nor the 决定书', async () => {
    const first = await decided(9, '书面诫勉');
    expect(first.decide.statusCode, first.decide.body).toBe(200);
    const before = await get(first.id);
    expect(before.rulesCited).toEqual(
      expect.arrayContaining([{ key: 'clocks', scope: '', version: 1, effectiveFrom: '2019-09-01' }]),
    );
    expect(before.executionDeadline).toBe('2026-12-02');
    const text = await decisionText(first.id);
    expect(text).toContain('《中国共产党问责条例》（2019年修订）第七条第（九）项');
    expect(text).toContain('问责期限省级默认第1版');

    // The county lengthens its execution clock (local variation), the province revises a situation's wording.
    const published = await publishClocks('sysadmin', 0, 2);
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json().inForce).toMatchObject({ version: 1, scope: regionId, scopeName: '示范县' });
    const audit = await t.database.query<{ entity_id: string; actor_user_id: string }>(
      "SELECT entity_id, actor_user_id FROM audit_events WHERE type = 'rules.published'",
    );
    expect(audit.rows).toEqual([expect.objectContaining({ entity_id: `clocks:${regionId}:1` })]);
    const ctx = systemCtx(t.database.db, t.clock);
    const situations = (await c.sysadmin.get('/api/rules/situations')).json().inForce.content.items as {
      key: string;
      text: string;
      source: string;
    }[];
    await publishRuleVersion(ctx, 'situations', {
      basedOn: 1,
      effectiveFrom: TODAY,
      source: '《中国共产党问责条例》（假设修订）',
      reason: '测试：条例修订',
      content: {
        items: situations.map((i) =>
          i.key === '9' ? { ...i, text: '修订后的第九项', source: '修订后第七条第（九）项' } : i,
        ),
      },
    });

    const after = await get(first.id);
    expect(after.rulesCited).toEqual(before.rulesCited);
    expect(after.executionDeadline).toBe('2026-12-02');
    expect(await decisionText(first.id)).toBe(text);

    const second = await decided(9, '书面诫勉');
    expect(second.decide.statusCode, second.decide.body).toBe(200);
    const now = await get(second.id);
    expect(now.rulesCited).toEqual(
      expect.arrayContaining([
        { key: 'clocks', scope: regionId, version: 1, effectiveFrom: TODAY },
        { key: 'situations', scope: '', version: 2, effectiveFrom: TODAY },
      ]),
    );
    // 2 months from 2 Nov 2026 is Saturday 2 Jan 2027: the next working day.
    expect(now.executionDeadline).toBe('2027-01-04');
    const text2 = await decisionText(second.id);
    expect(text2).toContain('修订后第七条第（九）项“修订后的第九项”');
    expect(text2).toContain('问责期限示范县第1版');
    // The history keeps every version, the province's built-in first one included.
    const history = (await c.auditadmin.get('/api/rules/situations')).json().history as { version: number }[];
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    const v1 = (await c.auditadmin.get('/api/rules/situations/versions/1')).json();
    expect(v1.content.items.find((i: { key: string }) => i.key === '9').text).toContain('重特大事故');
  });

  it('in one county do not move another county’s clocks', async () => {
    const other = crypto.randomUUID();
    const here = await ruleInForce(t.database.db, 'clocks', regionId, TODAY);
    const there = await ruleInForce(t.database.db, 'clocks', other, TODAY);
    expect(here.scope).toBe(regionId);
    expect((here.content as typeof CLOCKS_V1).clocks.execution.amount).toBe(2);
    expect(there).toMatchObject({ scope: '', version: 1 });
    expect((there.content as typeof CLOCKS_V1).clocks.execution.amount).toBe(1);
    // Before its effective date the county still runs on the province default.
    expect((await ruleInForce(t.database.db, 'clocks', regionId, '2026-11-01')).scope).toBe('');
  });
});

describe('第二十一条 and 诫勉', () => {
  it('opens a case on abuse of accountability (第二十一条), and refuses a situation not in force', async () => {
    const k = await toReview(21);
    const row = (await c.leader.get(`/api/cases/${k.id}`)).json();
    expect(row.situation).toBe(21);
    expect(row.situationText).toContain('滥用问责');
    const bad = await c.wenze1.post('/api/cases', {
      kind: 'party',
      sourceType: 'manual',
      title: '无效情形',
      situation: 12,
      subjects: [{ subjectType: 'person', personId: zjj.principalPersonId }],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps 口头诫勉 and 书面诫勉 apart in decisions, documents and figures; bare 诫勉 is refused', async () => {
    const bare = await decided(11, '诫勉');
    expect(bare.decide.statusCode).toBe(400);
    const oral = await decided(11, '口头诫勉');
    expect(oral.decide.statusCode, oral.decide.body).toBe(200);
    const text = await decisionText(oral.id);
    expect(text).toContain('口头诫勉');
    expect(text).not.toContain('书面诫勉');
    const figures = (await c.leader.get('/api/cases/figures')).json();
    const byForm = Object.fromEntries((figures.byForm as { form: string; n: number }[]).map((f) => [f.form, f.n]));
    expect(byForm.口头诫勉).toBeGreaterThanOrEqual(1);
    expect(byForm.书面诫勉).toBeGreaterThanOrEqual(2);
    expect(byForm.诫勉).toBeUndefined();
    const periods = (await get(oral.id)).influencePeriods as { form: string }[];
    expect(periods.map((p) => p.form)).toEqual(['口头诫勉']);
  });
});

describe('容错 lists', () => {
  it('are shown to the filer and enforced when filing and when determining', async () => {
    const lists = (await c.zhujian.get('/api/tolerance-filings/lists')).json();
    expect(lists.positive.items.map((i: { key: string }) => i.key)).toContain('reform_pilot');
    expect(lists.negative.items.map((i: { key: string }) => i.key)).toContain('private_gain');
    const filing = {
      unitId: zjj.id,
      personIds: [zjj.principalPersonId],
      matter: '容错清单测试',
      decision: '先行先试',
      basis: '试点方案',
      exploratory: true,
      minutes: '集体研究',
      risk: '可控',
      decidedOn: '2026-10-01',
      reviewOn: '2027-04-01',
      submit: true,
    };
    const none = await c.zhujian.post('/api/tolerance-filings', filing);
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('TOLERANCE_ITEM_REQUIRED');
    const excluded = await c.zhujian.post('/api/tolerance-filings', {
      ...filing,
      toleranceItems: ['reform_pilot'],
      exclusionItems: ['private_gain'],
    });
    expect(excluded.statusCode).toBe(422);
    expect(excluded.json().message).toContain('为谋取私利');
    const fine = await c.zhujian.post('/api/tolerance-filings', { ...filing, toleranceItems: ['reform_pilot'] });
    expect(fine.statusCode, fine.body).toBe(201);
    expect(fine.json().listsCited.positive).toMatchObject({ key: 'tolerance_positive', version: 1 });

    const k = await toReview(11);
    const claim = { outcome: 'exempt', reasons: '试点失误', distinctions: { pilot: true } };
    const missing = await k.determine(claim);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('TOLERANCE_ITEM_REQUIRED');
    expect(
      (await k.determine({ ...claim, positiveItems: ['reform_pilot'], negativeItems: ['defied_ban'] })).statusCode,
    ).toBe(422);
    expect((await k.determine({ ...claim, positiveItems: ['no_such_item'] })).statusCode).toBe(400);
    const res = await c.wenze1.post(`/api/cases/${k.id}/events`, {
      version: (await get(k.id)).version,
      type: 'determine',
      determinations: [
        {
          subjectId: k.subjectId,
          responsibility: 'main_leadership',
          duty: 'supervision',
          tolerance: { ...claim, positiveItems: ['reform_pilot'] },
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get(k.id)).subjects[0].tolerance.lists.positive).toMatchObject({ version: 1 });
  });

  it('may differ per county: a county narrows its positive list without touching the province', async () => {
    const set = (await c.sysadmin.get('/api/rules/tolerance_positive')).json();
    const items = (set.inForce.content.items as { key: string }[]).filter((i) => i.key !== 'development');
    const res = await c.sysadmin.post('/api/rules/tolerance_positive/versions', {
      basedOn: set.latestOwn,
      effectiveFrom: TODAY,
      source: '本县容错纠错实施办法（2026年）',
      reason: '本县不适用“推动发展无意过失”条目',
      content: { items },
    });
    expect(res.statusCode, res.body).toBe(201);
    const lists = (await c.zhujian.get('/api/tolerance-filings/lists')).json();
    expect(lists.positive.items.map((i: { key: string }) => i.key)).not.toContain('development');
    const province = await ruleInForce(t.database.db, 'tolerance_positive', crypto.randomUUID(), TODAY);
    expect(itemsOf(province).map((i) => i.key)).toContain('development');
    const again = await c.sysadmin.post('/api/rules/tolerance_positive/versions', {
      basedOn: set.latestOwn,
      effectiveFrom: TODAY,
      source: '本县',
      reason: '并发',
      content: { items },
    });
    expect(again.statusCode).toBe(409);
  });
});
