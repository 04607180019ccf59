import type { Ctx } from '../../platform/context.js';
import { listExport, type XlsxColumn, type XlsxExport } from '../../platform/documents/xlsx-export.js';
import type { TListFilings } from '../../../common/tolerance.schema.js';
import { listFilings } from './tolerance.service.js';

type FilingRow = Awaited<ReturnType<typeof listFilings>>['items'][number];

const COLUMNS: XlsxColumn<FilingRow>[] = [
  { header: '编号', width: 14, value: (x) => x.code },
  { header: '备案单位', width: 16, value: (x) => x.unitName },
  { header: '备案事项', width: 30, value: (x) => x.matter },
  { header: '决策内容', width: 40, value: (x) => x.decision },
  { header: '政策依据', width: 30, value: (x) => x.basis },
  { header: '改革试点/探索', width: 12, value: (x) => (x.exploratory ? '是' : '否') },
  { header: '反对意见', width: 30, value: (x) => x.dissent },
  { header: '责任人', width: 20, value: (x) => x.people.map((p) => p.name).join('、') },
  { header: '决策日期', width: 12, value: (x) => x.decidedOn, kind: 'date' },
  { header: '复核日期', width: 12, value: (x) => x.reviewOn, kind: 'date' },
  { header: '状态', width: 10, value: (x) => x.stateLabel },
];

/** The filings ledger, with the list's filters. */
export function filingsExport(ctx: Ctx, f: TListFilings): XlsxExport<FilingRow> {
  return listExport('容错免责事前备案', COLUMNS, (q) => listFilings(ctx, q), f);
}
