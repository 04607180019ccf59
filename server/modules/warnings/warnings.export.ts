import { isoDate } from '../../platform/calendar/working-days.js';
import type { Ctx } from '../../platform/context.js';
import { pagedRows, type XlsxColumn, type XlsxExport } from '../../platform/documents/xlsx-export.js';
import type { WarningFilter } from './warnings.repository.js';
import { listWarnings } from './warnings.service.js';

type WarningRow = Awaited<ReturnType<typeof listWarnings>>['items'][number];

const COLUMNS: XlsxColumn<WarningRow>[] = [
  { header: '编号', width: 14, value: (w) => w.code },
  { header: '情形', width: 36, value: (w) => w.situationName },
  { header: '问责条例第七条', width: 10, value: (w) => `第（${w.article}）项` },
  { header: '问题编号', width: 16, value: (w) => w.problemCode ?? '' },
  { header: '问题', width: 36, value: (w) => w.problemTitle ?? '' },
  { header: '责任单位', width: 14, value: (w) => w.unitName ?? '' },
  { header: '状态', width: 10, value: (w) => w.stateLabel },
  { header: '整改期限', width: 12, value: (w) => w.deadline },
  {
    header: '可能被问责人员',
    width: 40,
    value: (w) =>
      (w.people as { name: string; responsibility: string }[])
        .map((p) => `${p.name}（${p.responsibility}）`)
        .join('、'),
  },
  { header: '生成时间', width: 18, value: (w) => isoDate(w.firstSeenAt) },
];

/** The warnings ledger, with the list's filters. */
export function warningsExport(ctx: Ctx, f: WarningFilter): XlsxExport<WarningRow> {
  return {
    fileName: '模拟问责单.xlsx',
    sheet: '模拟问责单',
    columns: COLUMNS,
    rows: pagedRows((page, pageSize) => listWarnings(ctx, { ...f, page, pageSize })),
  };
}
