import { type Ctx, today } from '../../platform/context.js';
import { listExport, type XlsxColumn, type XlsxExport } from '../../platform/documents/xlsx-export.js';
import type { TListCommonGroups, TListProblems } from '../../../common/problems.schema.js';
import { listCommonGroups } from './problems.common-groups.js';
import { listProblems } from './problems.queries.js';

type LedgerRow = Awaited<ReturnType<typeof listProblems>>['items'][number];

const yesNo = (b: boolean) => (b ? '是' : '否');

const COLUMNS: XlsxColumn<LedgerRow>[] = [
  { header: '序号', width: 6, value: (_, n) => n },
  { header: '问题编号', width: 14, value: (p) => p.code },
  { header: '问题来源', width: 12, value: (p) => p.sourceLabel },
  { header: '问题类别', width: 12, value: (p) => p.category },
  { header: '问题描述', width: 40, value: (p) => p.title },
  { header: '责任单位', width: 16, value: (p) => p.unitName },
  { header: '责任人', width: 10, value: (p) => p.responsibleName ?? '' },
  { header: '分管县领导', width: 10, value: (p) => p.leaderName ?? '' },
  { header: '整改措施', width: 50, value: (p) => p.measures.map((m) => `${m.seq}. ${m.content}`).join('\n') },
  { header: '整改时限', width: 12, value: (p) => p.deadline, kind: 'date' },
  {
    header: '整改进展',
    width: 30,
    value: (p) =>
      p.measures
        .filter((m) => m.progress)
        .map((m) => `${m.seq}. ${m.progress}`)
        .join('\n'),
  },
  { header: '状态', width: 10, value: (p) => p.stateLabel },
  { header: '预警', width: 8, value: (p) => p.colorLabel ?? '' },
  { header: '是否逾期', width: 8, value: (p) => yesNo(p.overdue) },
  { header: '挂牌督办', width: 8, value: (p) => yesNo(p.listed) },
  { header: '交办日期', width: 12, value: (p) => p.dispatchedAt, kind: 'date' },
  { header: '销号日期', width: 12, value: (p) => p.closedAt, kind: 'date' },
];

/** 整改台账 in the layout offices use, with the ledger's filters and sort. */
export function ledgerExport(ctx: Ctx, f: TListProblems): XlsxExport<LedgerRow> {
  return listExport('问题整改台账', COLUMNS, (q) => listProblems(ctx, q), f, {
    sheet: '整改台账',
    title: `问题整改台账（导出时间：${today(ctx)}）`,
  });
}

type CommonGroupRow = Awaited<ReturnType<typeof listCommonGroups>>['items'][number];

const COMMONGROUPS_COLUMNS: XlsxColumn<CommonGroupRow>[] = [
  { header: '共性问题', width: 30, value: (g) => g.title },
  { header: '说明', width: 50, value: (g) => g.description },
  { header: '问题数', width: 8, value: (g) => g.problemCount },
  { header: '建立日期', width: 12, value: (g) => g.createdAt, kind: 'date' },
];

/** 共性问题 the caller may see, with the list's filter. */
export function commonGroupsExport(ctx: Ctx, f: TListCommonGroups): XlsxExport<CommonGroupRow> {
  return listExport('共性问题', COMMONGROUPS_COLUMNS, (q) => listCommonGroups(ctx, q), f);
}
