import { and, eq } from 'drizzle-orm';
import { GRADES, type Grade } from '../../../common/assessment.js';
import { type Ctx, actorOf } from '../../platform/context.js';
import { issuedCopy, registerDocument } from '../../platform/documents/document-copies.js';
import { chineseDay } from '../../platform/documents/document-registry.js';
import { type DocBlock, renderOfficialDocument } from '../../platform/documents/official-document.js';
import type { XlsxColumn, XlsxExport } from '../../platform/documents/xlsx-export.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { ASSESSMENT_REPORT } from './assessment.numbering.js';
import { scores } from './assessment.scores.js';
import { getAssessment, revisionFor } from './assessment.service.js';
import { assessmentPublications } from './assessment.tables.js';

type ResultRow = Awaited<ReturnType<typeof scores>>['items'][number];

const COLUMNS: XlsxColumn<ResultRow>[] = [
  { header: '序号', width: 6, value: (_x, i) => i },
  { header: '单位', width: 24, value: (x) => x.unitName },
  { header: '姓名', width: 12, value: (x) => x.personName ?? '' },
  { header: '职务', width: 20, value: (x) => x.post ?? '' },
  { header: '得分', width: 10, value: (x) => x.score },
  { header: '扣分', width: 10, value: (x) => x.deductions },
  { header: '加分', width: 10, value: (x) => x.bonuses },
  { header: '同类排名', width: 12, value: (x) => `${x.rank}/${x.rankOf}` },
  { header: '等次', width: 8, value: (x) => x.gradeLabel },
  { header: '一票否决', width: 10, value: (x) => (x.vetoed ? '是' : '') },
];

/**
 * The results of a run (the revision the caller may read, in the caller's scope: a leader's own row of a leader
 * system), one row per unit or person, as the office files them. 姓名 and 职务 stay empty for a unit system.
 */
export function scoresExport(ctx: Ctx, id: string): XlsxExport<ResultRow> {
  async function* rows() {
    for (const r of (await scores(ctx, id)).items) yield r;
  }
  return { fileName: '考核结果.xlsx', sheet: '考核结果', columns: COLUMNS, rows: rows(), title: '考核结果汇总表' };
}

/**
 * 考核结果通报 (.docx) of a revision (default: the one the caller reads): grades by count, the ranked table, vetoes
 * with their cause. A published revision's 通报 is the copy issued with its publication (numbered and dated then);
 * any other revision downloads as an unnumbered 草稿. It lists every unit (or leader), so a reader of some units — or a leader — gets 403.
 */
export async function assessmentReport(ctx: Ctx, id: string, revision?: number) {
  const run = await getAssessment(ctx, id);
  if (!actorOf(ctx).scope.allUnits) throw forbidden('考核结果通报含全部单位的得分，仅限考核办、委领导和组织部下载');
  const shown = revisionFor(ctx, run, revision);
  const [publication] = await ctx.db
    .select({ id: assessmentPublications.id })
    .from(assessmentPublications)
    .where(and(eq(assessmentPublications.assessmentId, id), eq(assessmentPublications.revision, shown)));
  // Scores are read only to render: a published 通报's kept copy is served as it is.
  const render = async () => renderReport(ctx, run, (await scores(ctx, id, shown)).items, publication?.id ?? run.id);
  return publication ? issuedCopy(ctx.db, ASSESSMENT_REPORT.kind, publication.id, render) : render();
}

/** The kept copy of a publication's 通报 is rendered through the same read (scope included). */
registerDocument(ASSESSMENT_REPORT.kind, async (ctx, publicationId) => {
  const [p] = await ctx.db.select().from(assessmentPublications).where(eq(assessmentPublications.id, publicationId));
  if (!p) throw notFound('考核结果通报不存在');
  return assessmentReport(ctx, p.assessmentId, p.revision);
});

async function renderReport(
  ctx: Ctx,
  run: Awaited<ReturnType<typeof getAssessment>>,
  items: ResultRow[],
  documentId: string,
) {
  const { stamp } = await ASSESSMENT_REPORT.stamp(ctx, run.regionId, documentId);
  const leaders = items.some((x) => x.personId !== null);
  const [who, measure] = leaders ? ['领导干部', '名'] : ['单位', '个'];
  const nameOf = (x: ResultRow) => (leaders ? `${x.personName}（${x.unitName}${x.post ?? ''}）` : x.unitName);
  const byGrade = (Object.keys(GRADES) as Grade[]).map(
    (g) => `${GRADES[g]}${items.filter((x) => x.grade === g).length}${measure}`,
  );
  const vetoed = items.filter((x) => x.vetoed);
  const body: DocBlock[] = [
    `根据${run.systemName}，对${chineseDay(run.periodFrom)}至${chineseDay(run.periodTo)}期间各${who}进行了考核，现将结果通报如下。`,
    { heading: '一、总体情况' },
    `参加考核${who}${items.length}${measure}，其中${byGrade.join('，')}。每项扣分、加分均可在系统中查到其事由、日期和出处。`,
    { heading: '二、考核结果' },
    {
      table: {
        columns: [leaders ? '姓名（单位职务）' : '单位', '得分', leaders ? '排名' : '同类排名', '等次'],
        rows: items.map((x) => [nameOf(x), x.score.toFixed(2), `${x.rank}/${x.rankOf}`, x.gradeLabel]),
      },
    },
    { heading: '三、一票否决' },
    vetoed.length
      ? `${vetoed.map(nameOf).join('、')}因一票否决事项，等次不超过“${GRADES.poor}”或设置的上限。`
      : '本次考核无一票否决事项。',
  ];
  return {
    name: `${run.name}-考核结果通报${stamp.draft ? '（草稿）' : ''}.docx`,
    body: await renderOfficialDocument({
      issuer: stamp.issuer,
      docNumber: stamp.docNumber,
      draft: stamp.draft,
      title: `关于${run.name}结果的通报${stamp.titleMark}`,
      body,
      signature: stamp.signature,
      date: stamp.date,
    }),
  };
}
