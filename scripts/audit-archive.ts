/**
 * npm run audit:archive -- --before <YYYY-MM-DD> [--out <file>] — moves the audit events before that date (at least
 * six months old) into a verifiable archive file (`npm run audit:verify -- --archive <file>`); see README.
 */
import { archiveAudit } from '../server/platform/audit/audit.archive.js';
import { Clock } from '../server/platform/clock/clock.js';
import { openDatabase } from '../server/platform/db/client.js';
import { requireOptions, runTool } from './cli.js';

const usage = 'npm run audit:archive -- --before YYYY-MM-DD [--out file]';
const { before, out } = requireOptions(['before', 'out'], ['before'], usage);

await runTool(async (config, secrets) => {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const clock = new Clock(config.allowClock);
    await clock.refresh(database.db);
    const result = await archiveAudit(database.db, clock, secrets, { before, file: out });
    console.log(`已归档第 ${result.from}–${result.through} 条审计记录到 ${result.file}；请将该文件保存到服务器以外。`);
    console.log(JSON.stringify(result));
    return true;
  } finally {
    await database.close();
  }
});
