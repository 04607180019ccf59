import type { TListProposals } from '../../../common/proposals.schema.js';
import type { Ctx } from '../../platform/context.js';
import { type XlsxColumn, type XlsxExport, listExport } from '../../platform/documents/xlsx-export.js';
import { listProposals } from './cases.proposals.js';

type Row = Awaited<ReturnType<typeof listProposals>>['items'][number];

const COLUMNS: XlsxColumn<Row>[] = [
  { header: '编号', width: 16, value: (x) => x.code },
  { header: '来源', width: 22, value: (x) => x.sourceLabel },
  { header: '来源编号', width: 16, value: (x) => x.sourceCode },
  { header: '事由', width: 36, value: (x) => x.sourceTitle },
  { header: '涉及单位', width: 20, value: (x) => x.unitName ?? '' },
  { header: '建议问责对象', width: 30, value: (x) => x.subjects.map((s) => s.name).join('、') },
  { header: '问责情形', width: 30, value: (x) => x.situationText ?? '' },
  { header: '建议理由', width: 40, value: (x) => x.reason },
  { header: '提出人', width: 12, value: (x) => x.proposedByName },
  { header: '状态', width: 10, value: (x) => x.stateLabel },
  { header: '立案编号', width: 16, value: (x) => x.caseCode ?? '' },
  { header: '不予立案理由', width: 30, value: (x) => x.declineReason ?? '' },
];

/** The 问责建议 ledger, with the list's filters. */
export function proposalsExport(ctx: Ctx, f: TListProposals): XlsxExport<Row> {
  return listExport('问责建议台账', COLUMNS, (q) => listProposals(ctx, q), f);
}
