/**
 * npm run audit:verify — verifies the SM3 hash chain of the audit log on the configured
 * database (DATABASE_URL, or the embedded database under DATA_DIR). Exit code 1 when broken.
 */
import { verifyChain } from '../server/platform/audit/audit.service.js';
import { loadConfigOrExit } from '../server/platform/config.js';
import { openDatabase } from '../server/platform/db/client.js';

const config = loadConfigOrExit();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const report = await verifyChain(database.db);
  if (report.ok) {
    console.log(`审计链校验通过：共 ${report.checked} 条记录，哈希链完整。`);
  } else {
    console.log(
      `审计链校验失败：${report.problem?.reason}（位置：第 ${report.problem?.seq} 条；已校验 ${report.checked} 条）`,
    );
  }
  console.log(JSON.stringify(report));
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await database.close();
}
