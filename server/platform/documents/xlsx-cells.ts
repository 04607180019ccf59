import type ExcelJS from 'exceljs';

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
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
}
