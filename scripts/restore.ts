/**
 * npm run restore -- --from <dir> — restores a backup into the configured empty data directory (DATA_DIR) or empty
 * database (DATABASE_URL), then compares the row counts with the backup's manifest and verifies the audit chain.
 */
import { restore } from '../server/platform/db/backup.js';
import { requireOptions, runTool } from './cli.js';

const { from } = requireOptions(['from'], ['from'], 'npm run restore -- --from <dir>');

await runTool(async (config, secrets) => {
  const report = await restore(config, secrets, from);
  if (report.differences.length > 0) console.log(`行数与备份不一致：${report.differences.join('、')}`);
  console.log(
    report.chain.ok
      ? `审计链校验通过：共 ${report.chain.checked} 条记录。`
      : `审计链校验失败：${report.chain.problem?.reason}`,
  );
  console.log(JSON.stringify({ differences: report.differences, chain: report.chain }));
  const ok = report.differences.length === 0 && report.chain.ok;
  console.log(ok ? '恢复完成。' : '恢复后的检查未通过。');
  return ok;
});
