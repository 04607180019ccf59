import { REVIEW_STATES } from '../../../common/reviews.js';
import type { Ctx } from '../../platform/context.js';
import { issuedCopy, registerDocument } from '../../platform/documents/document-copies.js';
import {
  type DocBlock,
  formatChineseDate,
  renderOfficialDocument,
} from '../../platform/documents/official-document.js';
import { REVIEW_REPORT } from './assessment.numbering.js';
import { getReview } from './assessment.reviews.js';

const day = (iso: string) => formatChineseDate(new Date(`${iso}T12:00:00+08:00`));

/**
 * 督导评估报告 (.docx, GB/T 9704): the visit, each first-level indicator's score, the grade and the conclusion are the
 * public part (公开部分); the problems found and what must be rectified follow under 不予公开, as 教育督导 reports
 * are published. Numbered when the report is published; a draft before.
 */
export async function reviewReport(ctx: Ctx, id: string) {
  const r = await getReview(ctx, id);
  return issuedCopy(ctx.db, REVIEW_REPORT.kind, r.id, () => renderReviewReport(ctx, r));
}
registerDocument(REVIEW_REPORT.kind, reviewReport);

async function renderReviewReport(ctx: Ctx, r: Awaited<ReturnType<typeof getReview>>) {
  const { stamp } = await REVIEW_REPORT.stamp(ctx, r.regionId, r.id);
  const weight = r.indicators.reduce((s, i) => s + i.weight, 0);
  const body: DocBlock[] = [
    { heading: '一、公开部分' },
    `${day(r.visitedOn)}，督导评估组依据《${r.systemName}》，对${r.unitName}进行了实地督导评估。`,
    {
      table: {
        columns: ['评估指标', '分值', '得分', '评估意见'],
        rows: [
          ...r.indicators.map((i) => [i.name, String(i.weight), i.score === null ? '—' : String(i.score), i.comment]),
          [
            '合计',
            String(weight),
            r.total === null ? '—' : String(r.total),
            r.gradeLabel ? `等次：${r.gradeLabel}` : '',
          ],
        ],
      },
    },
    r.conclusion || '（评估结论待发布时填写）',
    { heading: '二、不予公开部分' },
    '以下内容涉及被评估单位内部管理，仅送被评估单位和有关部门，不予公开。',
    r.findings || '本次评估未发现需要单独说明的问题。',
    ...(r.items.length
      ? [
          '整改要求：',
          ...r.items.map((i, n) => `${n + 1}．${i.content}（${day(i.deadline)}前完成，问题编号${i.problemCode}）`),
        ]
      : []),
    `整改期满后将组织复查，复查结论另行通知。（当前状态：${REVIEW_STATES[r.state]}）`,
  ];
  return {
    name: `${r.unitName}${r.title}督导评估报告.docx`,
    body: await renderOfficialDocument({
      issuer: stamp.issuer,
      docNumber: stamp.docNumber,
      draft: stamp.draft,
      title: `关于${r.unitName}${r.title}的督导评估报告${stamp.titleMark}`,
      recipients: [r.unitName],
      body,
      signature: stamp.signature,
      date: stamp.date,
      printedBy: stamp.signature,
    }),
  };
}
