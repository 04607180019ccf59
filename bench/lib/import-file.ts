import ExcelJS from 'exceljs';

/**
 * A problem-list import file of `rows` rows, built on the template the running app serves (so it follows
 * the app's columns), spread over `unitCodes` and three kinds of deadline.
 */
export async function problemImportFile(url: string, cookie: string, rows: number, unitCodes: string[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    await (await fetch(`${url}/api/problems/import-template.xlsx`, { headers: { cookie } })).arrayBuffer(),
  );
  const ws = wb.getWorksheet('问题清单');
  if (!ws) throw new Error('template without 问题清单');
  const deadlines = ['20个工作日', '30天', '2027-06-30'];
  for (let i = 0; i < rows; i++) {
    ws.addRow([
      `批量导入问题${i}：自建房安全排查不彻底`,
      '导入测试',
      '日常监督',
      '安全生产',
      '一般',
      unitCodes[i % unitCodes.length],
      '排查整改；建立台账',
      deadlines[i % deadlines.length],
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
