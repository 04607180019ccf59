import type { Ctx } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import { issuedCopy, registerDocument } from '../../platform/documents/document-copies.js';
import {
  type DocBlock,
  formatChineseDate,
  renderOfficialDocument,
} from '../../platform/documents/official-document.js';
import { getEvaluation } from './assessment.evaluations.js';
import { EVALUATION_MINUTES } from './assessment.numbering.js';

const CHINESE_ORDINALS = '一二三四五六七八九十';
const ordinal = (n: number) =>
  n <= 10 ? CHINESE_ORDINALS[n - 1] : n < 20 ? `十${CHINESE_ORDINALS[n - 11]}` : String(n);

/**
 * 纪要 of a 述职评议 / 述责述廉 meeting (.docx, GB/T 9704 10.3): who reported, each 质询 with its answer, the
 * attendees' mean score and grade, the meeting's conclusions, 出席 = the attendees. Numbered when the meeting ends.
 */
export async function evaluationMinutes(ctx: Ctx, id: string) {
  const e = await getEvaluation(ctx, id);
  // The 纪要 holds every unit's questions and scores: a reader of one unit's part does not get it.
  if (e.reporters.length < e.reporterCount)
    throw forbidden('评议纪要含其他单位的质询和评分，仅限考核办等全区查阅人员下载');
  return issuedCopy(ctx.db, EVALUATION_MINUTES.kind, e.id, () => renderEvaluationMinutes(ctx, e));
}
registerDocument(EVALUATION_MINUTES.kind, evaluationMinutes);

async function renderEvaluationMinutes(ctx: Ctx, e: Awaited<ReturnType<typeof getEvaluation>>) {
  const { stamp } = await EVALUATION_MINUTES.stamp(ctx, e.regionId, e.id);
  const units = e.reporters.map((r) => r.unitName);
  const asked = e.reporters.reduce((n, r) => n + r.questions.length, 0);
  const body: DocBlock[] = [
    `${formatChineseDate(e.heldAt ?? e.scheduledAt)}，在${e.place || '机关会议室'}召开${e.title}。${units.join('、')}${e.reporters.length}个单位主要负责人作${e.kindLabel}报告，评议人结合日常监督发现的问题提出质询${asked}个，并现场评议打分。纪要如下。`,
    { heading: '一、述职和质询情况' },
    ...e.reporters.flatMap((r, i): DocBlock[] => [
      `（${ordinal(i + 1)}）${r.unitName}${r.reporterName ? `（报告人：${r.reporterName}）` : ''}${r.report ? '已提交书面报告' : '未提交书面报告'}。`,
      ...(r.questions.length
        ? r.questions.map((q, n) => `${n + 1}．质询：${q.question}答复：${q.answer || '未答复'}`)
        : ['日常监督中无未整改问题，未提出质询。']),
    ]),
    { heading: '二、评议结果' },
    {
      table: {
        columns: ['单位', '评议人数', '平均得分', '名次', '等次'],
        rows: e.reporters.map((r) => [
          r.unitName,
          String(r.scored),
          r.average === null ? '—' : r.average.toFixed(2),
          r.rank === null ? '—' : String(r.rank),
          r.gradeLabel ?? '—',
        ]),
      },
    },
    { heading: '三、会议要求' },
    e.summary || '各单位对照质询问题逐项整改，整改情况报县纪委监委，评议结果纳入年度考核。',
  ];
  return {
    name: `${e.title}纪要-${formatChineseDate(e.scheduledAt)}.docx`,
    body: await renderOfficialDocument({
      issuer: `${e.kindLabel}会议纪要`,
      minutes: true,
      docNumber: stamp.docNumber,
      draft: stamp.draft,
      title: `${e.title.replace(/纪要$/, '')}${stamp.titleMark}`,
      body,
      attendance: [{ label: '出席' as const, names: e.attendees }],
      signature: stamp.signature,
      date: stamp.date,
      copyTo: units,
      printedBy: stamp.signature,
    }),
  };
}
