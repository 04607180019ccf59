import { GRADES, type Grade } from '../../../common/assessment.js';
import { type Ctx, regionOf } from '../../platform/context.js';
import { type DocBlock, renderOfficialDocument } from '../../platform/documents/official-document.js';
import type { XlsxColumn, XlsxExport } from '../../platform/documents/xlsx-export.js';
import { regionIssuers } from '../org/org.directory.js';
import { getAssessment, scores } from './assessment.service.js';

type ResultRow = Awaited<ReturnType<typeof scores>>['items'][number];

const COLUMNS: XlsxColumn<ResultRow>[] = [
  { header: '序号', width: 6, value: (_x, i) => i },
  { header: '单位', width: 24, value: (x) => x.unitName },
  { header: '得分', width: 10, value: (x) => x.score },
  { header: '扣分', width: 10, value: (x) => x.deductions },
  { header: '加分', width: 10, value: (x) => x.bonuses },
  { header: '同类排名', width: 12, value: (x) => `${x.rank}/${x.rankOf}` },
  { header: '等次', width: 8, value: (x) => x.gradeLabel },
  { header: '一票否决', width: 10, value: (x) => (x.vetoed ? '是' : '') },
];

/** The results of a run (the revision the caller may read), one row per unit, as the office files them. */
export function scoresExport(ctx: Ctx, id: string): XlsxExport<ResultRow> {
  async function* rows() {
    for (const r of (await scores(ctx, id)).items) yield r;
  }
  return { fileName: '考核结果.xlsx', sheet: '考核结果', columns: COLUMNS, rows: rows(), title: '考核结果汇总表' };
}

/** 考核结果通报 (.docx): grades by count, the ranked table, vetoes with their cause. */
export async function assessmentReport(ctx: Ctx, id: string) {
  const run = await getAssessment(ctx, id);
  const { items } = await scores(ctx, id);
  const o = await regionIssuers(ctx.db, regionOf(ctx));
  const byGrade = (Object.keys(GRADES) as Grade[]).map(
    (g) => `${GRADES[g]}${items.filter((x) => x.grade === g).length}个`,
  );
  const vetoed = items.filter((x) => x.vetoed);
  const body: DocBlock[] = [
    `根据${run.systemName}，对${run.periodFrom}至${run.periodTo}期间各单位进行了考核，现将结果通报如下。`,
    { heading: '一、总体情况' },
    `参加考核单位${items.length}个，其中${byGrade.join('，')}。每项扣分、加分均可在系统中查到其事由、日期和出处。`,
    { heading: '二、考核结果' },
    {
      table: {
        columns: ['单位', '得分', '同类排名', '等次'],
        rows: items.map((x) => [x.unitName, x.score.toFixed(2), `${x.rank}/${x.rankOf}`, x.gradeLabel]),
      },
    },
    { heading: '三、一票否决' },
    vetoed.length
      ? `${vetoed.map((x) => x.unitName).join('、')}因一票否决事项，等次不超过“${GRADES.poor}”或设置的上限。`
      : '本次考核无一票否决事项。',
  ];
  return {
    name: `${run.name}-考核结果通报.docx`,
    body: await renderOfficialDocument({
      issuer: o.commission.name,
      title: `关于${run.name}结果的通报${run.state === 'published' ? '' : '（草稿）'}`,
      body,
      signature: o.commission.signature,
      date: ctx.now,
    }),
  };
}
