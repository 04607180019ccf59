import { type Ctx, today } from '../../platform/context.js';
import { pagedRows, type XlsxColumn, type XlsxExport } from '../../platform/documents/xlsx-export.js';
import { listFindings } from './patrol.findings.js';
import type { TListFindings } from '../../../common/patrol.schema.js';

type FindingRow = Awaited<ReturnType<typeof listFindings>>['items'][number];

function columns(ctx: Ctx): XlsxColumn<FindingRow>[] {
  return [
    { header: '序号', width: 6, value: (_, n) => n },
    { header: '编号', width: 14, value: (x) => x.code },
    { header: '督导巡查组', width: 16, value: (x) => x.groupName },
    { header: '责任单位', width: 18, value: (x) => x.unitName },
    { header: '问题类别', width: 12, value: (x) => x.category },
    { header: '问题概述', width: 36, value: (x) => x.title },
    { header: '问题详情', width: 48, value: (x) => x.description },
    { header: '整改建议', width: 30, value: (x) => x.suggestion },
    { header: '严重程度', width: 10, value: (x) => x.severityLabel },
    { header: '状态', width: 10, value: (x) => x.stateLabel },
    { header: '上报对象', width: 20, value: (x) => x.escalatedToLabel ?? '' },
    { header: '批示', width: 30, value: (x) => (x.instruction ? `${x.instructedBy}：${x.instruction}` : '') },
    { header: '交办问题', width: 18, value: (x) => x.problems.map((p) => `${p.code}（${p.stateLabel}）`).join('\n') },
    { header: '办结理由', width: 24, value: (x) => x.closeReason ?? '' },
    { header: '报送时间', width: 12, value: (x) => today({ ...ctx, now: x.createdAt }) },
  ];
}

/** 督导发现台账 with the list's filters: the office's record of what the groups found and what became of it. */
export function findingsExport(ctx: Ctx, f: TListFindings): XlsxExport<FindingRow> {
  return {
    fileName: '督导发现台账.xlsx',
    sheet: '督导发现台账',
    title: `督导发现台账（导出时间：${today(ctx)}）`,
    wrap: true,
    columns: columns(ctx),
    rows: pagedRows((page, pageSize) => listFindings(ctx, { ...f, page, pageSize })),
  };
}
