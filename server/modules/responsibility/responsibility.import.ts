/** Import of the catalogue from the export's layout: every row or none, the bad rows listed (as problems do). */
import { FREQUENCIES, SUBJECT_KINDS } from '../../../common/responsibility.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, regionOf } from '../../platform/context.js';
import { cellText } from '../../platform/documents/xlsx-cells.js';
import { readWorksheets } from '../../platform/documents/xlsx-stream.js';
import { AppError, badRequest } from '../../platform/errors.js';
import * as repo from './responsibility.repository.js';

export const CATALOGUE_IMPORT_MAX_ROWS = 5000;
const SHEET = '主体责任事项目录';
const COLUMNS = ['责任主体', '责任类别', '责任内容', '量化指标', '佐证材料', '频次'] as const;
const SUBJECT_BY_LABEL = new Map<string, string>(Object.entries(SUBJECT_KINDS).map(([k, v]) => [v, k]));
const FREQUENCY_BY_LABEL = new Map<string, string>(Object.entries(FREQUENCIES).map(([k, v]) => [v, k]));

interface Sheet {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export async function readCatalogueFile(file: Buffer): Promise<Sheet> {
  let found: Sheet | null = null;
  let tooLarge = false;
  try {
    for await (const ws of readWorksheets(file)) {
      const rows: Sheet['rows'] = [];
      let header: string[] = [];
      for await (const row of ws) {
        if (ws.name !== SHEET) continue;
        const cells = COLUMNS.map((_, i) => cellText(row, i + 1));
        if (row.number === 1) header = cells;
        else if (cells.some(Boolean)) {
          tooLarge = rows.length === CATALOGUE_IMPORT_MAX_ROWS;
          if (tooLarge) break;
          rows.push({ row: row.number, cells });
        }
      }
      if (ws.name === SHEET) found = { header, rows };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw badRequest('IMPORT_NOT_XLSX', '无法读取文件，请上传 .xlsx 格式的 Excel 文件', 'file');
  }
  if (tooLarge) throw badRequest('IMPORT_TOO_LARGE', `单次最多导入 ${CATALOGUE_IMPORT_MAX_ROWS} 条责任事项`, 'file');
  if (!found) throw badRequest('IMPORT_NO_SHEET', `文件中没有“${SHEET}”工作表，请使用导出的目录作为模板`, 'file');
  return found;
}

/** Adds the sheet's rows to the region's catalogue in the caller's transaction; any bad row refuses the file. */
export async function importCatalogue(ctx: Ctx, sheet: Sheet) {
  const errors: { sheet: string; row: number; field: string; message: string }[] = [];
  COLUMNS.forEach((name, i) => {
    if (sheet.header[i] !== name) {
      errors.push({
        sheet: SHEET,
        row: 1,
        field: name,
        message: `第1行第${i + 1}列应为“${name}”，请使用导出的目录作为模板`,
      });
    }
  });
  const regionId = regionOf(ctx);
  const values = [];
  for (const { row, cells } of sheet.rows) {
    const [subjectLabel, category, content, target, evidence, frequencyLabel] = cells;
    const bad = (field: string, message: string) => errors.push({ sheet: SHEET, row, field, message });
    const subjectKind = SUBJECT_BY_LABEL.get(subjectLabel);
    if (!subjectKind)
      bad('责任主体', `责任主体“${subjectLabel}”不正确，可选：${Object.values(SUBJECT_KINDS).join('、')}`);
    if (!category) bad('责任类别', '责任类别不能为空');
    else if (category.length > 50) bad('责任类别', '责任类别不能超过50个字');
    if (!content) bad('责任内容', '责任内容不能为空');
    else if (content.length > 1000) bad('责任内容', '责任内容不能超过1000个字');
    if (target.length > 200) bad('量化指标', '量化指标不能超过200个字');
    if (evidence.length > 500) bad('佐证材料', '佐证材料要求不能超过500个字');
    const frequency = FREQUENCY_BY_LABEL.get(frequencyLabel);
    if (!frequency) bad('频次', `频次“${frequencyLabel}”不正确，可选：${Object.values(FREQUENCIES).join('、')}`);
    if (subjectKind && frequency && category && content) {
      values.push({ regionId, subjectKind, category, content, target, evidence, frequency, sortOrder: row });
    }
  }
  if (errors.length > 0) {
    throw new AppError(400, 'IMPORT_INVALID', `有 ${errors.length} 处错误，未导入任何数据，请修改后重新上传`, {
      rows: errors.slice(0, 1000),
      total: errors.length,
    });
  }
  const rows = await repo.insertCatalogue(ctx.db, values);
  await recordAudit(ctx, {
    type: 'responsibility_item.imported',
    entity: 'responsibility_item',
    after: { count: rows.length },
  });
  return { created: rows.length };
}
