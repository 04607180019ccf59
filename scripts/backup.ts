/**
 * npm run backup -- --out <dir> — a consistent backup of the configured database (PGlite: stop the server first)
 * with its manifest and the audit anchor; never the audit key (README, Backup and restore).
 */
import { backup } from '../server/platform/db/backup.js';
import { requireOptions, runTool } from './cli.js';

const { out } = requireOptions(['out'], ['out'], 'npm run backup -- --out <dir>');

await runTool(async (config, secrets) => {
  const manifest = await backup(config, secrets, out);
  const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
  console.log(
    `备份完成：${out}（${manifest.driver}，${rows} 行，审计链至第 ${manifest.audit.headSeq} 条）。审计密钥不在备份中，请另行保管。`,
  );
  return true;
});
