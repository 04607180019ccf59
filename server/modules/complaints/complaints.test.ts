import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../platform/calendar/calendar.service.js';
import { type Client, testAppForFile, unitByCode } from '../../test/harness.js';
import { TINY_PNG, readWorkbook } from '../../test/xlsx.js';
import { setComplaintKeys } from './complaints.crypto.js';
import { complaintsDigest } from './complaints.digest.js';
import { TEST_KEY, complaintForm, freshIp, publicReport, useTestKeys } from './complaints.fixtures.js';
import { complaints } from './complaints.tables.js';

beforeAll(useTestKeys);
const t = testAppForFile();
const leader = t.client('leader');
const office = t.client('office');
const unitHead = t.client('zhujian.head');

async function file(data: unknown, files: { name: string; content: Buffer }[] = [], ip = freshIp()) {
  const form = await complaintForm(data, files);
  return t.app.inject({ method: 'POST', url: '/api/public/complaints', remoteAddress: ip, ...form });
}
const status = (code: string, password: string, ip = freshIp()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/complaints/status',
    remoteAddress: ip,
    payload: { code, password },
  });
const raw = async (code: string) => (await t.database.db.select().from(complaints).where(eq(complaints.code, code)))[0];
const countAll = async () => Number((await t.database.db.select({ n: sql<number>`count(*)` }).from(complaints))[0].n);
async function staffForm(client: Client, data: unknown, files: { name: string; content: Buffer }[] = []) {
  const form = await complaintForm(data, files);
  return client.request({ method: 'POST', url: '/api/complaints', ...form });
}
const intake = (extra: Record<string, unknown> = {}) => ({
  channel: 'letter',
  kind: 'accusation',
  anonymous: false,
  filer: { name: '赵来信', phone: '13900002222', idNumber: '', address: '' },
  subjectName: '钱某',
  subjectUnitName: '县交通局',
  subjectPost: '副局长',
  content: '钱某违规使用公车接送子女上学。',
  happenedAt: '2026年',
  place: '',
  receivedOn: '2026-09-28',
  sourceRef: '',
  ...extra,
});
const fire = async (c: Client, id: string, body: Record<string, unknown>) => {
  const cur = (await c.get(`/api/complaints/${id}`)).json();
  return c.post(`/api/complaints/${id}/events`, { version: cur.version, ...body });
};

describe('public filing', () => {
  it('files an anonymous report with a picture and checks its status with code and password only', async () => {
    const res = await file(await publicReport(true), [{ name: '现场.png', content: TINY_PNG }]);
    expect(res.statusCode, res.body).toBe(201);
    const { code, password } = res.json();
    expect(code).toMatch(/^XF[2-9A-Z]{12}$/);
    const s = await status(code, password);
    expect(s.statusCode).toBe(200);
    expect(s.json()).toEqual({
      code,
      receivedOn: expect.any(String),
      status: '已收到，正在登记分流',
      answer: '',
      answeredOn: null,
    });
    expect(s.body).not.toContain('李某某');
  });

  it('keeps no plaintext of the filer or the report in the raw row, and only a hash of the password', async () => {
    const res = await file(await publicReport(false), [{ name: 'a.png', content: TINY_PNG }]);
    expect(res.statusCode, res.body).toBe(201);
    const { code, password } = res.json();
    const row = await raw(code);
    expect(row.keyId).toBe(TEST_KEY.id);
    const bytes = Buffer.concat([row.filerEnc as Buffer, row.contentEnc]).toString('utf8');
    for (const secret of ['王举报', '13800001234', '红包', '县住建局办公室', '2026年5月']) {
      expect(bytes).not.toContain(secret);
    }
    expect(row.passwordHash).toMatch(/^\$argon2/);
    expect(row.passwordHash).not.toContain(password);
    const [dump] = (
      await t.database.db.execute(sql`SELECT row_to_json(c)::text AS j FROM complaints c WHERE code = ${code}`)
    ).rows as { j: string }[];
    expect(dump.j).not.toContain('王举报');
    // The stored picture is sealed too.
    const files = await t.database.db.execute(
      sql`SELECT encode(content, 'hex') AS h FROM complaint_files WHERE complaint_id = ${row.id}`,
    );
    expect((files.rows[0] as { h: string }).h).not.toContain(TINY_PNG.toString('hex').slice(0, 32));
  });

  it('answers a wrong password and an unknown code identically, and limits the attempts per address', async () => {
    const { code } = (await file(await publicReport(true))).json();
    const wrong = await status(code, 'wrong-password');
    const unknown = await status('XF2222222222AB', 'wrong-password');
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json()).toEqual(unknown.json());
    const ip = freshIp();
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await status(code, `guess-${i}`, ip)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 404)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('refuses a file whose content is not an allowed type, and writes nothing', async () => {
    const before = await countAll();
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const res = await file(await publicReport(true), [
      { name: 'ok.png', content: TINY_PNG },
      { name: 'photo.png', content: html },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FILE_TYPE_REFUSED');
    expect(await countAll()).toBe(before);
  });

  it('refuses a missing or replayed human check', async () => {
    const data = await publicReport(true);
    expect((await file({ ...data, altcha: 'bm9wZQ==' })).json().code).toBe('HUMAN_CHECK_FAILED');
    expect((await file(data)).statusCode).toBe(201);
    expect((await file(data)).json().code).toBe('HUMAN_CHECK_FAILED');
  });

  it('without a key refuses a real-name report, saying why, and still takes an anonymous one', async () => {
    setComplaintKeys([]);
    try {
      const res = await file(await publicReport(false));
      expect(res.statusCode).toBe(503);
      expect(res.json().message).toContain('加密密钥');
      const anon = await file(await publicReport(true));
      expect(anon.statusCode).toBe(201);
      expect((await raw(anon.json().code)).keyId).toBeNull();
    } finally {
      useTestKeys();
    }
  });

  it('sends a report about the principal to the level above: nobody here sees it', async () => {
    const res = await file(await publicReport(true, { aboutPrincipal: true, subjectName: '纪委书记甲' }));
    const { code, password } = res.json();
    const row = await raw(code);
    expect(row.state).toBe('escalated');
    expect((await leader.get(`/api/complaints/${row.id}`)).statusCode).toBe(404);
    expect((await leader.get('/api/complaints?q=纪委书记甲')).json().total).toBe(0);
    expect((await status(code, password)).json().status).toContain('上级');
  });
});

describe('demo county', () => {
  it('has complaints in every state the county sees, one from 12345, one repeated, one anonymous', async () => {
    const rows = await t.database.db.select().from(complaints);
    const states = new Set(rows.map((r) => r.state));
    for (const s of [
      'received',
      'accepted',
      'transferred',
      'handling',
      'completed',
      'answered',
      'repeat',
      'escalated',
    ]) {
      expect(states.has(s), s).toBe(true);
    }
    expect(rows.some((r) => r.channel === 'hotline12345')).toBe(true);
    expect(rows.some((r) => r.repeatOfId)).toBe(true);
    expect(rows.some((r) => r.anonymous)).toBe(true);
    // The office reads the seeded (dev-key) rows; the escalated one stays invisible even to the leader.
    const list = (await leader.get('/api/complaints?pageSize=100')).json();
    expect(list.items.some((i: { state: string }) => i.state === 'escalated')).toBe(false);
    expect(list.items.some((i: { summary: string }) => i.summary.includes('12345'))).toBe(true);
  });
});

describe('staff handling', () => {
  it('takes a public report through triage, handling, notices and feedback; the filer reads the answer', async () => {
    const { code, password } = (await file(await publicReport(false))).json();
    const { id } = await raw(code);
    // The unit complained about (and any other role without complaints access) learns nothing.
    expect((await unitHead.get(`/api/complaints/${id}`)).statusCode).toBe(403);
    expect((await office.get(`/api/complaints/${id}`)).json().actions).toEqual(['claim']);
    expect((await fire(office, id, { type: 'claim' })).statusCode).toBe(200);
    const detail = (await office.get(`/api/complaints/${id}`)).json();
    expect(detail.filer.name).toBe('王举报');
    expect(detail.content).toContain('红包');
    expect((await fire(office, id, { type: 'accept' })).json().state).toBe('accepted');
    const told = await fire(office, id, { type: 'notify_acceptance', method: 'phone' });
    expect(told.json().acceptanceToldOn).toBeTruthy();
    expect((await fire(office, id, { type: 'decide', way: 'preliminary' })).json().code).toBe('APPROVER_REQUIRED');
    expect((await fire(office, id, { type: 'decide', way: 'preliminary', approver: '县纪委书记' })).json().state).toBe(
      'handling',
    );
    const done = await fire(office, id, {
      type: 'complete',
      finding: 'partly',
      result: '经初步核实，反映问题部分属实。',
    });
    expect(done.json().answerDraft).toContain('部分属实');
    const fb = await fire(office, id, {
      type: 'feedback',
      method: 'phone',
      answer: '您反映的问题部分属实，已依规处理。',
    });
    expect(fb.json().state).toBe('answered');
    const clocks = fb.json().clocks.map((c: { key: string; status: string }) => [c.key, c.status]);
    expect(clocks).toContainEqual(['resultFeedback', 'done']);
    const s = (await status(code, password)).json();
    expect(s.answer).toBe('您反映的问题部分属实，已依规处理。');
    expect(JSON.stringify(s)).not.toContain('初步核实');
    // Objection recorded and answered.
    expect((await fire(office, id, { type: 'objection', text: '举报人认为处理过轻' })).statusCode).toBe(200);
    const ans = await fire(office, id, { type: 'answer_objection', text: '已向举报人说明依据' });
    expect(ans.json().answer).toContain('已向举报人说明依据');
    // Every read of the identity was audited.
    const audits = await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE type = 'complaint.identity_read' AND entity_id = ${id}`,
    );
    expect((audits.rows[0] as { n: number }).n).toBeGreaterThanOrEqual(8);
  });

  it('hands a handled complaint on: one problem for the unit, a proposal that becomes a case, both linked back', async () => {
    const zjj = await unitByCode(office, 'ZJJ');
    const created = await staffForm(office, intake({ subjectUnitId: zjj.id, subjectUnitName: zjj.name }));
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    await fire(office, id, { type: 'claim' });
    await fire(office, id, { type: 'accept' });
    // Not before the collective decision: the links belong to handling.
    expect((await office.get(`/api/complaints/${id}`)).json().actions).not.toContain('to_problem');
    await fire(office, id, { type: 'decide', way: 'preliminary', approver: '县纪委书记' });
    expect((await office.get(`/api/complaints/${id}`)).json().actions).toEqual(
      expect.arrayContaining(['to_problem', 'propose']),
    );

    const problem = {
      title: '公务用车管理制度执行不严',
      description: '请对照公务用车管理规定自查整改。',
      unitId: zjj.id,
      measure: '开展公务用车使用情况自查，建立派车台账',
      deadline: '2026-12-31',
    };
    expect((await fire(office, id, { type: 'to_problem' })).json().code).toBe('PROBLEM_REQUIRED');
    const handed = await fire(office, id, { type: 'to_problem', problem });
    expect(handed.statusCode, handed.body).toBe(200);
    const link = handed.json().problem;
    expect(link).toMatchObject({ code: expect.stringMatching(/^WT/), state: 'dispatched' });
    expect(handed.json().actions).not.toContain('to_problem');
    expect((await fire(office, id, { type: 'to_problem', problem })).statusCode).toBe(422);

    // The unit reads the problem it must fix (source 信访举报) — not the report, not the filer, not the code.
    const seen = await unitHead.get(`/api/problems/${link.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ source: 'complaint', title: problem.title });
    expect(seen.body).not.toContain('赵来信');
    expect(seen.body).not.toContain('接送子女');
    expect(seen.body).not.toContain(created.json().code);
    expect((await unitHead.get(`/api/complaints/${id}`)).statusCode).toBe(403);
    // The problem's page finds its complaint through the list — for those who may read complaints only.
    const back = (await office.get(`/api/complaints?problemId=${link.id}`)).json();
    expect(back.items.map((x: { id: string }) => x.id)).toEqual([id]);
    expect((await unitHead.get(`/api/complaints?problemId=${link.id}`)).statusCode).toBe(403);

    const proposed = await fire(office, id, {
      type: 'propose',
      proposal: { reason: '公车私用问题经初步核实属实，建议追究主体责任', situation: 1 },
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json().proposal).toMatchObject({ state: 'pending', caseId: null });
    expect((await fire(office, id, { type: 'propose', proposal: { reason: '再次' } })).json().code).toBe(
      'COMPLAINT_ALREADY_PROPOSED',
    );
    const caseOffice = await t.as('caseoffice');
    const queued = (await caseOffice.get('/api/accountability-proposals?sourceType=complaint')).json().items;
    const mine = queued.find((q: { id: string }) => q.id === proposed.json().proposal.id);
    expect(mine).toMatchObject({ sourceType: 'complaint', unitId: zjj.id });
    const detail = (await caseOffice.get(`/api/accountability-proposals/${mine.id}`)).json();
    expect(JSON.stringify(detail.evidence)).toContain(link.id);
    expect(JSON.stringify(detail)).not.toContain('赵来信');
    const accepted = await caseOffice.post(`/api/accountability-proposals/${mine.id}/events`, {
      type: 'accept',
      version: detail.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const opened = (await caseOffice.get(`/api/cases/${accepted.json().caseId}`)).json();
    // The case names its kind of source; the case office still cannot open the complaint itself.
    expect(opened).toMatchObject({ sourceType: 'complaint', sourceId: null });
    expect((await caseOffice.get(`/api/complaints/${id}`)).statusCode).toBe(403);

    const after = (await office.get(`/api/complaints/${id}`)).json();
    expect(after.proposal).toMatchObject({ state: 'accepted', caseCode: opened.code });
    expect(after.answerDraft).toContain('反映的问题已交相关单位整改');
    expect(after.answerDraft).toContain('启动问责程序');
    expect(after.answerDraft).not.toContain(opened.code);
    expect(after.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['to_problem', 'propose']),
    );
  });

  it('runs the triage and notice clocks in working days across the National Day holiday', async () => {
    const res = await staffForm(office, intake(), [{ name: '原件.png', content: TINY_PNG }]);
    expect(res.statusCode, res.body).toBe(201);
    const d = (await office.get(`/api/complaints/${res.json().id}`)).json();
    const clock = (k: string) => d.clocks.find((c: { key: string }) => c.key === k);
    const db = t.database.db;
    expect(clock('triage').due).toBe(await addWorkingDays(db, '2026-09-28', 5));
    expect(clock('triage').due >= '2026-10-08').toBe(true);
    expect(clock('acceptanceNotice').due).toBe(await addWorkingDays(db, '2026-09-28', 15));
    expect(clock('acceptanceNotice').due >= '2026-10-20').toBe(true);
    expect(clock('completion').due).toBe(await addWorkingDays(db, '2026-09-28', 60));
    expect(clock('triage').status).toBe('overdue');
    expect(d.files).toHaveLength(1);
    const f = await office.get(`/api/complaints/${d.id}/files/${d.files[0].id}`);
    expect(f.rawPayload.equals(TINY_PNG)).toBe(true);
  });

  it('transfers down with the lower level’s five working days, and records its reply', async () => {
    const { id } = (await staffForm(office, intake({ channel: 'hotline12345', sourceRef: '12345-0001' }))).json();
    const tr = await fire(office, id, { type: 'transfer', transferTo: '城关镇纪委' });
    expect(tr.json().state).toBe('transferred');
    const lower = tr.json().clocks.find((c: { key: string }) => c.key === 'lowerAccept');
    const transferredOn = (await raw(tr.json().code)).transferredOn as string;
    expect(lower.due).toBe(await addWorkingDays(t.database.db, transferredOn, 5));
    const rep = await fire(office, id, { type: 'lower_reply', lowerResult: 'accepted' });
    expect(rep.json().clocks.find((c: { key: string }) => c.key === 'lowerAccept').status).toBe('done');
  });

  it('links a repeated report to the first without its own clocks or notices', async () => {
    const first = (await staffForm(office, intake())).json();
    await fire(office, first.id, { type: 'accept' });
    await fire(office, first.id, { type: 'notify_acceptance', method: 'letter' });
    const again = await staffForm(office, intake({ repeatOfId: first.id, receivedOn: '2026-10-20' }));
    const rep = (await office.get(`/api/complaints/${again.json().id}`)).json();
    expect(rep.state).toBe('repeat');
    expect(rep.clocks).toEqual([]);
    const orig = (await office.get(`/api/complaints/${first.id}`)).json();
    expect(orig.repeatCount).toBe(1);
    expect(orig.acceptanceToldOn).toBeTruthy();
    expect(orig.actions).not.toContain('notify_acceptance');
  });

  it('hands over ownership; the former owner no longer reads it, the leader does', async () => {
    const { id } = (await staffForm(office, intake())).json();
    const idOf = async (username: string) =>
      ((await t.database.db.execute(sql`SELECT id FROM users WHERE username = ${username}`)).rows[0] as { id: string })
        .id;
    const leaderId = await idOf('leader');
    // The picker offers exactly who the hand-over accepts: people with complaints work, not the unit.
    const listed = (await office.get('/api/complaints/handlers')).json().items;
    const handlers = listed.map((u: { userId: string }) => u.userId);
    expect(handlers).toEqual(expect.arrayContaining([leaderId, await idOf('office')]));
    // Each with unit and role, not a bare name (issue #20).
    expect(listed.find((u: { userId: string }) => u.userId === leaderId)).toMatchObject({
      roleLabel: expect.stringContaining('委领导'),
    });
    expect(
      listed.find(
        (u: { userId: string; unitName: string }) => u.userId !== leaderId && u.unitName === '党风政风监督室',
      ),
    ).toBeTruthy();
    const zhujianId = await idOf('zhujian');
    expect(handlers).not.toContain(zhujianId);
    expect((await fire(office, id, { type: 'hand_over', toUserId: zhujianId })).json().code).toBe(
      'COMPLAINT_HANDOVER_USER',
    );
    const res = await fire(office, id, { type: 'hand_over', toUserId: leaderId });
    expect(res.statusCode, res.body).toBe(200);
    expect((await office.get(`/api/complaints/${id}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/complaints/${id}`)).json().ownerName).toBeTruthy();
  });

  it('searches the decrypted text for readers and exports without identities', async () => {
    await staffForm(office, intake({ content: '反映独特词语甲乙丙的问题' }));
    const found = (await office.get('/api/complaints?q=独特词语甲乙丙')).json();
    expect(found.total).toBe(1);
    expect((await unitHead.get('/api/complaints?q=独特词语甲乙丙')).statusCode).toBe(403);
    const x = await office.get('/api/complaints/export.xlsx?q=独特词语甲乙丙');
    expect(x.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    const cells = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(cells).toContain('钱某');
    expect(cells).not.toContain('赵来信');
    expect(cells).not.toContain('13900002222');
  });

  it('gives the quarter’s feedback of results: what was completed, how handled and found, no identities', async () => {
    const done = (await office.get('/api/complaints?state=answered'))
      .json()
      .items.find((x: { completedOn: string | null }) => x.completedOn);
    expect(done).toBeTruthy();
    const year = Number(done.completedOn.slice(0, 4));
    const quarter = Math.floor((Number(done.completedOn.slice(5, 7)) - 1) / 3) + 1;
    const res = await office.get(`/api/complaints/feedback.xlsx?year=${year}&quarter=${quarter}`);
    expect(res.statusCode).toBe(200);
    const sheet = (await readWorkbook(res.rawPayload)).办理结果反馈;
    expect(sheet[0][0]).toBe(`${year}年第${quarter}季度信访举报办理结果反馈表`);
    expect(sheet[1]).toEqual([
      '受理编号',
      '收件日期',
      '类型',
      '被反映单位',
      '被反映人',
      '处置方式',
      '核查结论',
      '办结日期',
      '按期办结',
      '办理结果',
    ]);
    const row = sheet.find((r) => r[0] === done.code);
    expect(row?.slice(5, 7)).toEqual([done.wayLabel, done.findingLabel]);
    expect(row?.[9]).toBe(done.result);
    expect(JSON.stringify(sheet)).not.toMatch(/王举报|赵来信|13900002222|红包/);
    // Another quarter does not list it; a bad quarter is refused in Chinese; the unit may not read it.
    const other = await office.get(`/api/complaints/feedback.xlsx?year=${year - 1}&quarter=${quarter}`);
    expect(JSON.stringify((await readWorkbook(other.rawPayload)).办理结果反馈)).not.toContain(done.code);
    const bad = await office.get(`/api/complaints/feedback.xlsx?year=${year}&quarter=5`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/季度/);
    expect((await unitHead.get(`/api/complaints/feedback.xlsx?year=${year}&quarter=${quarter}`)).statusCode).toBe(403);
  });

  it('puts the owner’s overdue complaints into the daily digest', async () => {
    const { id } = (await staffForm(office, intake({ receivedOn: '2026-01-05' }))).json();
    const users = await t.database.db.execute(sql`SELECT id FROM users WHERE username = 'office'`);
    const userId = (users.rows[0] as { id: string }).id;
    const ctx = { db: t.database.db, actor: null, ip: null, clock: t.clock, now: t.clock.now() };
    const items = await complaintsDigest(ctx, { userId, personId: null });
    const mine = items.find((i) => i.link === `/complaints/${id}`);
    expect(items.filter((i) => i.link === `/complaints/${id}`).map((i) => i.detail)).toContain('限时办结已超期');
    expect(mine?.due).toBeTruthy();
    expect((await office.get(`/api/complaints/${id}`)).json().overdue).toBe(true);
  });

  it('answers the figures: by channel, on-time notices, substantiation', async () => {
    const f = (await leader.get('/api/complaints/figures?from=2026-01-01&to=2026-12-31')).json();
    expect(f.total).toBeGreaterThan(0);
    expect(f.byChannel.find((c: { key: string }) => c.key === 'online')?.n).toBeGreaterThan(0);
    expect(f.substantiation.concluded).toBeGreaterThan(0);
    expect(f.acceptanceOnTime.due).toBeGreaterThan(0);
  });
});
