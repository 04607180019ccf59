import { strFromU8, unzipSync } from 'fflate';
import { execSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factSentences } from '../../common/warning-facts.js';
import { cutWarning } from '../modules/problems/problems.circulars.js';
import { systemCtx } from '../platform/context.js';
import { issueDocument } from '../platform/documents/document-registry.js';
import { type Client, type TestApp, createTestApp } from './harness.js';

/** Issue #13: what official documents say, their 发文字号 and 成文日期. */
let t: TestApp;
let office: Client;
let leader: Client;
let zhujian: Client;

const docText = (buf: Buffer) => strFromU8(unzipSync(new Uint8Array(buf))['word/document.xml']).replace(/<[^>]+>/g, '');
const download = async (c: Client, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return docText(res.rawPayload);
};
/** GB/T 9704 7.2.3: 〔year〕, serial without zero padding. */
const NUMBER = /〔20\d\d〕[1-9]\d*号/;

beforeAll(async () => {
  t = await createTestApp();
  [office, leader, zhujian] = await Promise.all(['office', 'leader', 'zhujian'].map((u) => t.as(u)));
});
afterAll(() => t.close());

const caseId = async (title: string) =>
  (await leader.get(`/api/cases?q=${encodeURIComponent(title)}`)).json().items[0].id as string;

describe('document registry', () => {
  it('gives 20 concurrent issues 20 distinct gap-free serials and never renumbers', async () => {
    const regionId = (await office.get('/api/me')).json().scope.regionId as string;
    const issuer = { code: 'commission', name: '测试机关', abbreviation: '测', signature: '测试机关' };
    const ids = Array.from({ length: 20 }, () => crypto.randomUUID());
    const issue = (objectId: string) =>
      t.database.db.transaction((tx) =>
        issueDocument(systemCtx(tx, t.clock), {
          regionId,
          kind: 'test',
          objectType: 'test',
          objectId,
          issuer,
          suffix: '试',
        }),
      );
    const docs = await Promise.all(ids.map(issue));
    expect(docs.map((d) => d.serial).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(docs[0].number).toMatch(/^测试〔20\d\d〕[1-9]\d*号$/);
    const again = await issue(ids[3]);
    expect(again.number).toBe(docs[3].number);
  });
});

describe('问责决定书', () => {
  it('comes from the 监委 under 政务处分法 with 复审/复核 for a 监察 case', async () => {
    const text = await download(leader, `/api/cases/${await caseId('医疗废物')}/documents/decision.docx`);
    expect(text).toContain('示范县监察委员会');
    expect(text).not.toContain('中共示范县纪律检查委员会');
    expect(text).toContain('《中华人民共和国公职人员政务处分法》');
    expect(text).toMatch(/复审[\s\S]*复核/);
    expect(text).not.toContain('问责条例');
    expect(text).toContain('记过处分');
    expect(text).not.toContain('·');
    expect(text).toMatch(NUMBER);
  });

  it('titles a 免予问责 outcome without “问责的决定” and sets no execution deadline', async () => {
    const text = await download(leader, `/api/cases/${await caseId('先改后补')}/documents/decision.docx`);
    expect(text).not.toContain('问责的决定');
    expect(text).toContain('免予问责');
    expect(text).not.toContain('执行到位');
  });

  it('gives an organisation no personal defence or leadership responsibility, no 四种形态, 依据 before 决定', async () => {
    const text = await download(leader, `/api/cases/${await caseId('清四乱')}/documents/decision.docx`);
    expect(text).not.toContain('形态');
    const unitLine = text.slice(text.indexOf('（二）'), text.indexOf('（二）') + 80);
    expect(unitLine).toContain('作为责任组织');
    expect(unitLine).not.toMatch(/本人|领导责任/);
    expect(text.indexOf('处理依据')).toBeGreaterThan(0);
    expect(text.indexOf('处理依据')).toBeLessThan(text.indexOf('处理决定'));
    expect(text).toMatch(/示纪问决〔2026〕[1-9]\d*号/);
    expect(text).toContain('经县纪委常委会会议集体研究，决定如下');
    expect(text).not.toMatch(/〔\d{4}〕0/);
  });
});

describe('模拟问责提醒函', () => {
  it('prints facts as sentences and is a 草稿 without number until the warning is issued', async () => {
    const pending = (await office.get('/api/warnings?state=pending_review&pageSize=1')).json().items[0];
    const url = `/api/warnings/${pending.id}/documents/reminder.docx`;
    const draft = await download(office, url);
    expect(draft).toContain('草稿');
    expect(draft).not.toMatch(NUMBER);
    expect(draft).not.toMatch(/[a-z_]+：|false|true/);
    const w = (await office.get(`/api/warnings/${pending.id}`)).json();
    const res = await office.post(`/api/warnings/${w.id}/events`, { type: 'issue', version: w.version });
    expect(res.statusCode, res.body).toBe(200);
    const issued = await download(office, url);
    expect(issued).toMatch(/示模联函〔20\d\d〕[1-9]\d*号/);
    expect(issued).not.toContain('草稿');
    expect(issued).toMatch(/第七条第（[一二三四五六七八九十]+）项/);
  });

  it('has a Chinese sentence for every rule field', () => {
    expect(factSentences({ units_involved: 2, lead_unit_confirmed: false })).toEqual([
      '问题涉及2个单位。',
      '尚未明确牵头单位。',
    ]);
  });
});

describe('problem documents', () => {
  it('约谈建议书 is internal: 404 for the unit liaison', async () => {
    const p = (await zhujian.get('/api/problems?pageSize=1')).json().items[0];
    expect((await zhujian.get(`/api/problems/${p.id}/documents/interview.docx`)).statusCode).toBe(404);
    for (const u of ['zhujian.head', 'fuxianzhang']) {
      expect((await (await t.as(u)).get(`/api/problems/${p.id}/documents/interview.docx`)).statusCode).toBe(404);
    }
    expect((await office.get(`/api/problems/${p.id}/documents/interview.docx`)).statusCode).toBe(200);
  });

  it('交办单 gets its number on dispatch, with Chinese dates and no “—”', async () => {
    const p = (await office.get('/api/problems?state=draft&pageSize=1')).json().items[0];
    const url = `/api/problems/${p.id}/documents/notice.docx`;
    expect(await download(office, url)).toContain('草稿');
    const detail = (await office.get(`/api/problems/${p.id}`)).json();
    const res = await office.post(`/api/problems/${p.id}/events`, { type: 'dispatch', version: detail.version });
    expect(res.statusCode, res.body).toBe(200);
    const text = await download(office, url);
    expect(text).toMatch(/示督办交〔20\d\d〕[1-9]\d*号/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toContain('：—');
    expect(text).toContain('示范县督导巡查领导小组办公室');
  });

  it('an issued 通报 is numbered and downloads the same again; a cut selection says so', async () => {
    const res = await office.post('/api/problems/circulars', { state: 'rectifying', pageSize: 20 });
    expect(res.statusCode, res.body).toBe(200);
    const issued = res.json();
    expect(issued.number).toMatch(/^示督办通〔20\d\d〕[1-9]\d*号$/);
    const a = await download(office, `/api/problems/circulars/${issued.id}/circular.docx`);
    expect(a).toContain(issued.number);
    expect(await download(office, `/api/problems/circulars/${issued.id}/circular.docx`)).toBe(a);
    expect(cutWarning({ rows: new Array(500).fill({}), matched: 812 })).toContain('共812个');
  });
});

describe('会议纪要 and 谈话记录', () => {
  it('carry the 发文字号 given when the meeting closed or the talk was recorded', async () => {
    const meeting = (await office.get('/api/meetings?state=closed&pageSize=1')).json().items[0];
    const minutes = await download(office, `/api/meetings/${meeting.id}/documents/minutes.docx`);
    expect(minutes).toMatch(/示模联纪〔20\d\d〕[1-9]\d*号/);
    expect(minutes).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const talk = (await leader.get('/api/talks?state=closed&pageSize=1')).json().items[0];
    const record = await download(leader, `/api/talks/${talk.id}/documents/record.docx`);
    expect(record).toMatch(/示纪谈〔20\d\d〕[1-9]\d*号/);
  });

  it('demo problems dispatched before the registry existed have their 交办单 numbered', async () => {
    const p = (await office.get('/api/problems?state=rectifying&pageSize=1')).json().items[0];
    const text = await download(office, `/api/problems/${p.id}/documents/notice.docx`);
    expect(text).toMatch(/示督办交〔20\d\d〕[1-9]\d*号/);
    expect(text).not.toContain('草稿');
  });
});

describe('issuers', () => {
  it('the 交办单 takes the leading bodies from the region, not 党工委、管委会', async () => {
    const task = (await office.get('/api/tasks?pageSize=1')).json().items[0];
    const text = await download(office, `/api/tasks/${task.id}/documents/assignment.docx`);
    expect(text).toContain('根据县委、县政府部署要求');
    expect(text).not.toContain('党工委');
  });

  it('an office renamed in the organisation data heads and signs the next documents it issues', async () => {
    const res = await office.put('/api/issuers/patrol_office', {
      name: '示范县委督查室',
      shortName: '县委督查室',
      abbreviation: '示督查',
      signature: '示范县委督查室',
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await office.get('/api/issuers')).json().items;
    expect(list.find((i: { code: string }) => i.code === 'patrol_office')).toMatchObject({ custom: true });
    const unitId = (await office.get('/api/units?q=ZJJ')).json().items[0].id;
    const created = await office.post('/api/problems', {
      title: '发文机关测试问题',
      description: '测试',
      source: 'daily',
      unitId,
      measures: [{ content: '整改', deadlineType: 'working', days: 5 }],
      dispatch: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const text = await download(office, `/api/problems/${created.json().id}/documents/notice.docx`);
    expect(text).toMatch(/^示范县委督查室示督查交〔20\d\d〕1号/);
    expect(text).not.toContain('督导巡查领导小组办公室');
    expect(text).toMatch(/示范县委督查室20\d\d年\d{1,2}月\d{1,2}日/);
  });

  it('no production code names the demo county or its abbreviation', () => {
    const out = execSync(
      `grep -rln "示纪\\|示范县" server common web/src --include=*.ts --include=*.tsx | grep -v "/seed/\\|server/test/\\|\\.test\\.ts" || true`,
    ).toString();
    expect(out.trim()).toBe('');
  });
});

describe('成文日期', () => {
  it('keeps its number and date when downloaded later', async () => {
    const url = `/api/cases/${await caseId('清四乱')}/documents/decision.docx`;
    const first = await download(leader, url);
    await t.setClock('2027-03-01T10:00:00+08:00');
    // A jump of days ends idle sessions: sign in again.
    [office, leader, zhujian] = await Promise.all(['office', 'leader', 'zhujian'].map((u) => t.as(u)));
    const later = await download(leader, url);
    expect(later).toBe(first);
    expect(later).toContain('2026年10月28日');
  });
});
