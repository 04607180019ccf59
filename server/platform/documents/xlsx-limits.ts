import { unzipSync } from 'fflate';
import { badRequest } from '../errors.js';

/** What an uploaded .xlsx may unpack to: far above 100,000 rows of the import templates (~70 MiB). */
export const XLSX_MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
export const XLSX_MAX_ENTRIES = 2000;
/** Office files compress text about 5–20 times; a zip bomb, thousands of times. */
const MAX_RATIO = 200;
const RATIO_FROM_BYTES = 1024 * 1024;

/**
 * Refuses a zip bomb before any parser touches the file: the central directory (read by fflate, nothing is
 * inflated — the filter says no to every entry) gives each entry's unpacked size, summed and counted here.
 */
export function checkXlsxSize(file: Buffer): void {
  let entries = 0;
  let unpacked = 0;
  let bomb = false;
  try {
    unzipSync(file, {
      filter: ({ size, originalSize }) => {
        entries++;
        unpacked += originalSize;
        if (originalSize > RATIO_FROM_BYTES && originalSize > Math.max(size, 1) * MAX_RATIO) bomb = true;
        return false;
      },
    });
  } catch {
    throw badRequest('IMPORT_NOT_XLSX', '无法读取文件，请上传 .xlsx 格式的 Excel 文件', 'file');
  }
  if (bomb || entries > XLSX_MAX_ENTRIES || unpacked > XLSX_MAX_UNPACKED_BYTES) {
    throw badRequest(
      'IMPORT_TOO_LARGE',
      `文件解压后过大或压缩比异常（最多 ${XLSX_MAX_ENTRIES} 个部件、${XLSX_MAX_UNPACKED_BYTES / 1024 / 1024} MB），请检查文件或分批导入`,
      'file',
    );
  }
}
