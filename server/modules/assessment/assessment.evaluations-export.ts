import type { TListEvaluations } from '../../../common/evaluations.schema.js';
import type { Ctx } from '../../platform/context.js';
import type { XlsxColumn, XlsxExport } from '../../platform/documents/xlsx-export.js';
import { listEvaluations } from './assessment.evaluations.js';

type Row = Awaited<ReturnType<typeof listEvaluations>>['items'][number];

const COLUMNS: XlsxColumn<Row>[] = [
  { header: '序号', width: 6, value: (_x, i) => i },
  { header: '会议名称', width: 30, value: (x) => x.title },
  { header: '类型', width: 12, value: (x) => x.kindLabel },
  { header: '年度', width: 8, value: (x) => x.year },
  { header: '会议时间', width: 18, value: (x) => x.scheduledAt },
  { header: '地点', width: 18, value: (x) => x.place },
  { header: '述职单位数', width: 10, value: (x) => x.reporterCount },
  { header: '质询问题数', width: 10, value: (x) => x.questionCount },
  { header: '状态', width: 10, value: (x) => x.stateLabel },
];

/** The meetings the caller reads, with the list's filters, a page of 500 at a time. */
export function evaluationsExport(ctx: Ctx, f: TListEvaluations): XlsxExport<Row> {
  async function* rows() {
    for (let page = 1; ; page++) {
      const { items } = await listEvaluations(ctx, { ...f, page, pageSize: 500 });
      yield* items;
      if (items.length < 500) return;
    }
  }
  return {
    fileName: '述职评议会议.xlsx',
    sheet: '述职评议',
    columns: COLUMNS,
    rows: rows(),
    title: '述职评议会议一览表',
  };
}
