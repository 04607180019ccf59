import ExcelJS from 'exceljs';
import { type Ctx, today } from '../../platform/context.js';
import { listFindings } from './patrol.findings.js';
import type { TListFindings } from '../../../common/patrol.schema.js';

const COLUMNS: [string, number][] = [
  ['序号', 6],
  ['编号', 14],
  ['督导巡查组', 16],
  ['责任单位', 18],
  ['问题类别', 12],
  ['问题概述', 36],
  ['问题详情', 48],
  ['整改建议', 30],
  ['严重程度', 10],
  ['状态', 10],
  ['上报对象', 20],
  ['批示', 30],
  ['交办问题', 18],
  ['办结理由', 24],
  ['报送时间', 12],
];

/** 督导发现台账 (.xlsx) with the list's filters: the office's record of what the groups found and what became of it. */
export async function exportFindings(ctx: Ctx, f: TListFindings): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '责链';
  const ws = wb.addWorksheet('督导发现台账');
  ws.addRow([`督导发现台账（导出时间：${today(ctx)}）`]);
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(COLUMNS.map(([c]) => c));
  ws.getRow(2).font = { bold: true };
  COLUMNS.forEach(([, w], i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  let n = 0;
  for (let page = 1; ; page++) {
    const { items } = await listFindings(ctx, { ...f, page, pageSize: 1000 });
    for (const x of items) {
      n += 1;
      ws.addRow([
        n,
        x.code,
        x.groupName,
        x.unitName,
        x.category,
        x.title,
        x.description,
        x.suggestion,
        x.severityLabel,
        x.stateLabel,
        x.escalatedToLabel ?? '',
        x.instruction ? `${x.instructedBy}：${x.instruction}` : '',
        x.problems.map((p) => `${p.code}（${p.stateLabel}）`).join('\n'),
        x.closeReason ?? '',
        today({ ...ctx, now: x.createdAt }),
      ]).alignment = { wrapText: true, vertical: 'top' };
    }
    if (items.length < 1000) break;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
