/**
 * npm run audit:verify — verifies the audit chain of the configured database (DATABASE_URL, or the embedded
 * database under DATA_DIR) under the audit key and against the external anchor. Exit code 1 when broken.
 * npm run audit:verify -- --archive <file> — verifies an archive file written by `npm run audit:archive`.
 */
import { verifyArchive } from '../server/platform/audit/audit.archive.js';
import { verifyChain } from '../server/platform/audit/audit.service.js';
import { openDatabase } from '../server/platform/db/client.js';
import { requireOptions, runTool } from './cli.js';

const { archive } = requireOptions(['archive'], [], 'npm run audit:verify [-- --archive <file>]');

await runTool(async (config, secrets) => {
  if (archive) {
    const report = verifyArchive(archive, secrets);
    if (report.ok) {
      const anchored = report.anchored
        ? '，外部锚点已记录此次归档'
        : report.anchored === false
          ? '，但外部锚点中没有此次归档的记录'
          : '';
      console.log(`归档文件校验通过：第 ${report.from}–${report.through} 条，共 ${report.rows} 条记录${anchored}。`);
    } else {
      console.log(`归档文件校验失败：${report.problem?.reason}`);
    }
    console.log(JSON.stringify(report));
    return report.ok && report.anchored !== false;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const report = await verifyChain(database.db, secrets);
    if (report.ok) {
      console.log(`审计链校验通过：共 ${report.checked} 条记录，哈希链完整。`);
    } else {
      console.log(
        `审计链校验失败：${report.problem?.reason}（位置：第 ${report.problem?.seq} 条；已校验 ${report.checked} 条）`,
      );
    }
    console.log(JSON.stringify(report));
    return report.ok;
  } finally {
    await database.close();
  }
});
