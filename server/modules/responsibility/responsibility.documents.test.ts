import { strFromU8, unzipSync } from 'fflate';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDate } from '../../platform/calendar/working-days.js';
import { issuedDocuments } from '../../platform/documents/documents.tables.js';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { units } from '../org/org.tables.js';
import { problems } from '../problems/problems.tables.js';

let t: TestApp;
let office: Client;
let fu: Client;
let zhujian: Client;
let yingji: Client;

beforeAll(async () => {
  t = await createTestApp();
  [office, fu, zhujian, yingji] = await Promise.all(['office', 'fuxianzhang', 'zhujian', 'yingji'].map((u) => t.as(u)));
});
afterAll(() => t.close());

const text = (buf: Buffer) => strFromU8(unzipSync(new Uint8Array(buf))['word/document.xml']).replace(/<[^>]+>/g, '');
const sheet = (c: Client, id: string) => c.get(`/api/dispatches/${id}/documents/dispatch.docx`);
const NUMBER = /廉责办派〔20\d\d〕([1-9]\d*)号/;
const year = () => Number(isoDate(t.clock.now()).slice(0, 4));

describe('dispatch sheet (主体责任清单 / 增派单 as an official document)', () => {
  it('is numbered once when the list is issued, by the 责任制领导小组办公室, citing the 主体责任规定', async () => {
    const [zjj] = await t.database.db.select().from(units).where(eq(units.code, 'ZJJ'));
    const [source] = await t.database.db.select().from(problems).where(eq(problems.unitId, zjj.id)).limit(1);
    const created = await office.post('/api/dispatches', {
      kind: 'extra',
      year: year(),
      recipientKind: 'leadership',
      unitId: zjj.id,
      sourceType: 'problem',
      sourceId: source.id,
      note: '近期监督检查发现工程项目验收把关不严。',
      items: [
        {
          content: '组织专题研究工程验收制度',
          target: '30日内研究1次',
          evidence: '会议纪要',
          deadline: { workingDays: 10 },
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json();

    // A draft: 草稿, no number.
    const draft = text((await sheet(office, d.id)).rawPayload);
    expect(draft).toContain('（草稿）');
    expect(draft).not.toMatch(NUMBER);

    const issued = await office.post(`/api/dispatches/${d.id}/events`, { type: 'issue', version: d.version });
    expect(issued.statusCode, issued.body).toBe(200);
    const res = await sheet(zhujian, d.id); // the unit reads its own list's sheet
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.docx');
    const body = text(res.rawPayload);
    expect(body).toContain('党风廉政建设责任制工作领导小组办公室');
    expect(body).toContain('关于派发全面从严治党主体责任增派单的通知');
    expect(body).toContain('《党委（党组）落实全面从严治党主体责任规定》');
    expect(body).toContain('组织专题研究工程验收制度');
    expect(body).toContain('30日内研究1次');
    expect(body).toContain('近期监督检查发现工程项目验收把关不严。');
    expect(body).toContain('领导班子');
    expect(body).toContain('结合问题清单中发现的管理缺失、制度缺位等问题');
    expect(body).not.toContain('草稿');
    const number = body.match(NUMBER)?.[0];
    expect(number).toBeTruthy();
    // Downloaded again (by the office): the same number.
    expect(text((await sheet(office, d.id)).rawPayload)).toContain(number);
    // Another unit does not learn that the list exists.
    expect((await sheet(yingji, d.id)).statusCode).toBe(404);
  });

  it('numbers a quarter generated for every county leader at once, consecutively, and addresses each by name', async () => {
    const y = year() + 1;
    const r = await office.post('/api/dispatches/generate', { year: y, quarter: 1 });
    expect(r.statusCode, r.body).toBe(200);
    const n = r.json().dispatches as number;
    expect(n).toBeGreaterThan(1);
    const lists = (await office.get(`/api/dispatches?year=${y}&quarter=1&kind=quarterly&pageSize=100`)).json().items;
    expect(lists).toHaveLength(n);
    const rows = (await t.database.db.select().from(issuedDocuments).where(eq(issuedDocuments.kind, 'dispatch_sheet')))
      .filter((x) => lists.some((l: { id: string }) => l.id === x.objectId))
      .map((x) => x.serial)
      .sort((a, b) => a - b);
    expect(rows).toHaveLength(n);
    expect(rows.at(-1)).toBe((rows[0] as number) + n - 1); // consecutive, no gap
    const mine = (await fu.get(`/api/dispatches?year=${y}&quarter=1&mine=true`)).json().items[0];
    const body = text((await sheet(fu, mine.id)).rawPayload);
    expect(body).toContain(`${mine.recipientName}同志`);
    expect(body).toContain(`关于派发${y}年第1季度全面从严治党主体责任清单的通知`);
    expect(body).toMatch(NUMBER);
  });

  it('gives every demo list that went out its number, in the order they went out', async () => {
    const demo = (await office.get(`/api/dispatches?year=${year()}&kind=prompt&pageSize=1`)).json().items[0];
    expect(text((await sheet(office, demo.id)).rawPayload)).toMatch(NUMBER);
  });

  it('lays out the quarterly report as submitted: items, records and evidence; later records left out', async () => {
    const reports = (await zhujian.get('/api/responsibility-reports?pageSize=100')).json().items as {
      id: string;
      state: string;
    }[];
    const draft = reports.find((x) => x.state === 'draft' || x.state === 'returned');
    expect(draft).toBeTruthy();
    const url = (id: string) => `/api/responsibility-reports/${id}/documents/report.docx`;
    expect(text((await zhujian.get(url(draft?.id as string))).rawPayload)).toContain('（草稿）');

    // A submitted report with an item still open: record it now, after submission.
    let target: { report: string; dispatch: string; item: string } | null = null;
    for (const r of reports.filter((x) => x.state === 'submitted' || x.state === 'approved')) {
      const detail = (await zhujian.get(`/api/responsibility-reports/${r.id}`)).json();
      for (const i of detail.items.filter((x: { records: unknown[] }) => x.records.length === 0)) {
        const d = (await zhujian.get(`/api/dispatches/${i.dispatchId}`)).json();
        const item = d.items.find((x: { content: string }) => x.content === i.content);
        if (d.actions.includes('fulfil') && item) target = { report: r.id, dispatch: d.id, item: item.id };
        if (target) break;
      }
      if (target) break;
    }
    expect(target).toBeTruthy();
    const t0 = target as { report: string; dispatch: string; item: string };
    const before = text((await zhujian.get(url(t0.report))).rawPayload);
    expect(before).toContain('落实全面从严治党主体责任情况报告');
    expect(before).toContain('报告单位');
    expect(before).toContain('党风廉政建设责任制工作领导小组办公室');
    expect(before).toContain('单位主要负责人（签名）');
    expect(before).not.toContain('草稿');
    const late = await zhujian.post(`/api/dispatches/${t0.dispatch}/items/${t0.item}/fulfilment`, {
      doneOn: isoDate(t.clock.now()),
      description: '报送后补记的履责纪实',
    });
    expect(late.statusCode, late.body).toBe(201);
    const live = (await zhujian.get(`/api/responsibility-reports/${t0.report}`)).json();
    expect(JSON.stringify(live.items)).toContain('报送后补记的履责纪实');
    const after = text((await office.get(url(t0.report))).rawPayload);
    expect(after).not.toContain('报送后补记的履责纪实');
    expect(after).toBe(before);
    // Another unit does not learn that the report exists.
    expect((await yingji.get(url(t0.report))).statusCode).toBe(404);
  });
});
