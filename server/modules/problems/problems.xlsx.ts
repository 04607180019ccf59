import ExcelJS from 'exceljs';
import { type Ctx, today } from '../../platform/context.js';
import type { TListProblems } from '../../../common/problems.schema.js';
import { listProblems } from './problems.service.js';

const LEDGER_COLUMNS: [string, number][] = [
  ['序号', 6],
  ['问题编号', 14],
  ['问题来源', 12],
  ['问题类别', 12],
  ['问题描述', 40],
  ['责任单位', 16],
  ['责任人', 10],
  ['分管县领导', 10],
  ['整改措施', 50],
  ['整改时限', 12],
  ['整改进展', 30],
  ['状态', 10],
  ['预警', 8],
  ['是否逾期', 8],
  ['挂牌督办', 8],
  ['交办日期', 12],
  ['销号日期', 12],
];
const dateOf = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : '');

/** 整改台账 in the layout offices use, with the ledger's filters (max 50,000 rows). */
export async function exportLedger(ctx: Ctx, f: TListProblems): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '责链';
  const ws = wb.addWorksheet('整改台账');
  ws.addRow([`问题整改台账（导出时间：${today(ctx)}）`]);
  ws.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(LEDGER_COLUMNS.map(([c]) => c));
  ws.getRow(2).font = { bold: true };
  LEDGER_COLUMNS.forEach(([, w], i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  let n = 0;
  for (let page = 1; ; page++) {
    const { items } = await listProblems(ctx, { ...f, page, pageSize: 1000 });
    for (const p of items) {
      n += 1;
      ws.addRow([
        n,
        p.code,
        p.sourceLabel,
        p.category,
        p.title,
        p.unitName,
        p.responsibleName ?? '',
        p.leaderName ?? '',
        p.measures.map((m) => `${m.seq}. ${m.content}`).join('\n'),
        p.deadline ?? '',
        p.measures
          .map((m) => (m.progress ? `${m.seq}. ${m.progress}` : ''))
          .filter(Boolean)
          .join('\n'),
        p.stateLabel,
        p.colorLabel ?? '',
        p.overdue ? '是' : '否',
        p.listed ? '是' : '否',
        dateOf(p.dispatchedAt),
        dateOf(p.closedAt),
      ]).alignment = { wrapText: true, vertical: 'top' };
    }
    if (items.length < 1000 || n >= 50_000) break;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
