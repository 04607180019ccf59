import type { TComplaintQuarter, TListComplaints } from '../../../common/complaints.schema.js';
import { periodLabel, quarterEnd, quarterStart } from '../../../common/responsibility.js';
import type { Ctx } from '../../platform/context.js';
import { listExport, type XlsxColumn, type XlsxExport } from '../../platform/documents/xlsx-export.js';
import { listComplaints } from './complaints.service.js';

type Row = Awaited<ReturnType<typeof listComplaints>>['items'][number];

/** The ledger without identities: no filer, no report text (only the subject, the channel and the handling). */
const COLUMNS: XlsxColumn<Row>[] = [
  { header: '受理编号', width: 18, value: (x) => x.code },
  { header: '收件日期', width: 12, value: (x) => x.receivedOn, kind: 'date' },
  { header: '来源渠道', width: 10, value: (x) => x.channelLabel },
  { header: '类型', width: 10, value: (x) => x.kindLabel },
  { header: '实名/匿名', width: 10, value: (x) => (x.anonymous ? '匿名' : '实名') },
  { header: '被反映单位', width: 24, value: (x) => x.subjectUnitName },
  { header: '被反映人', width: 12, value: (x) => x.subjectName },
  { header: '职务', width: 14, value: (x) => x.subjectPost },
  { header: '状态', width: 10, value: (x) => x.stateLabel },
  { header: '处置方式', width: 12, value: (x) => x.wayLabel ?? '' },
  { header: '承办人', width: 10, value: (x) => x.ownerName },
  { header: '办结期限', width: 12, value: (x) => x.completionDue, kind: 'date' },
  { header: '是否超期', width: 8, value: (x) => (x.overdue ? '超期' : '') },
];

export function complaintsExport(ctx: Ctx, f: TListComplaints): XlsxExport<Row> {
  return listExport('信访举报台账', COLUMNS, (q) => listComplaints(ctx, q), f);
}

/** 办理结果季度反馈: what was completed in the quarter, how it was handled and found — no filer, no report text. */
const FEEDBACK_COLUMNS: XlsxColumn<Row>[] = [
  { header: '受理编号', width: 18, value: (x) => x.code },
  { header: '收件日期', width: 12, value: (x) => x.receivedOn, kind: 'date' },
  { header: '类型', width: 10, value: (x) => x.kindLabel },
  { header: '被反映单位', width: 24, value: (x) => x.subjectUnitName },
  { header: '被反映人', width: 12, value: (x) => x.subjectName },
  { header: '处置方式', width: 12, value: (x) => x.wayLabel ?? '' },
  { header: '核查结论', width: 12, value: (x) => x.findingLabel ?? '' },
  { header: '办结日期', width: 12, value: (x) => x.completedOn ?? '', kind: 'date' },
  { header: '按期办结', width: 10, value: (x) => (x.completedOn && x.completedOn <= x.completionDue ? '是' : '否') },
  { header: '办理结果', width: 48, value: (x) => x.result },
];

export function complaintFeedbackExport(ctx: Ctx, q: TComplaintQuarter): XlsxExport<Row> {
  const period = periodLabel(q.year, q.quarter);
  return listExport(
    `${period}信访举报办理结果反馈`,
    FEEDBACK_COLUMNS,
    (page) => listComplaints(ctx, page),
    { completedFrom: quarterStart(q.year, q.quarter), completedTo: quarterEnd(q.year, q.quarter) },
    { sheet: '办理结果反馈', title: `${period}信访举报办理结果反馈表` },
  );
}
