import type ExcelJS from 'exceljs';
import { badRequest } from '../errors.js';

/**
 * A cell as the text a user typed: rich text joined, hyperlinks by their text, formulas by their result,
 * dates as YYYY-MM-DD (Excel dates carry no time zone), everything trimmed. Imports read cells through this.
 */
export function cellText(row: ExcelJS.Row, col: number): string {
  const v = row.getCell(col).value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return formulaResult(row, col, v.result);
  if (typeof v === 'object') throw unreadable(row, col);
  return String(v).trim();
}

const unreadable = (row: ExcelJS.Row, col: number, why = '无法识别的内容') =>
  badRequest(
    'IMPORT_CELL_UNREADABLE',
    `第 ${row.number} 行第 ${columnName(col)} 列：${why}，请复制后“粘贴为数值”再导入`,
    'file',
  );

/** Column letters as Excel shows them (1 → A, 27 → AA). */
function columnName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A formula cell as its saved result; no saved result (never calculated) or an error value is refused. */
function formulaResult(row: ExcelJS.Row, col: number, result: unknown): string {
  if (result === null || result === undefined) throw unreadable(row, col, '公式没有保存计算结果');
  if (result instanceof Date) return result.toISOString().slice(0, 10);
  if (typeof result === 'object') throw unreadable(row, col, '公式的计算结果是错误值');
  return String(result).trim();
}
