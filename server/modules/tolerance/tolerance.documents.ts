import { filingFormRows } from '../../../common/tolerance.js';
import type { Ctx } from '../../platform/context.js';
import { formatChineseDate } from '../../platform/documents/official-document.js';
import { renderTableForm } from '../../platform/documents/table-form.js';
import { getFiling } from './tolerance.service.js';

const day = (iso: string) => formatChineseDate(new Date(`${iso}T12:00:00+08:00`));

/** 容错免责事前备案表 (.docx): the filing as a table form with boxes for 单位盖章, 负责人签字 and 审批人. */
export async function filingDocument(ctx: Ctx, id: string) {
  const f = await getFiling(ctx, id);
  return {
    name: `容错免责事前备案表-${f.code}.docx`,
    body: await renderTableForm({
      title: '容错免责事前备案表',
      caption: [`编号：${f.code}`, `状态：${f.stateLabel}`],
      rows: filingFormRows(f, day, formatChineseDate),
      boxes: ['单位盖章', '负责人签字', '审批人'],
      creator: f.unitName,
    }),
  };
}
