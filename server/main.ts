import { buildApp } from './app.js';
import { Clock } from './platform/clock/clock.js';
import { anchorHead, prepareChain } from './platform/audit/audit.service.js';
import { loadAuditSecrets, setAuditSecrets } from './platform/audit/audit.key.js';
import { ConfigError, loadConfigOrExit } from './platform/config.js';
import { systemCtx } from './platform/context.js';
import { openDatabase } from './platform/db/client.js';
import { DATA_DIR_IN_USE } from './platform/db/data-dir-lock.js';
import { AppError } from './platform/errors.js';
import { allJobs } from './jobs.js';
import { JobRunner } from './platform/jobs/jobs.service.js';
import { initialiseDatabase } from './seed/seed.js';
import { setComplaintKeys } from './modules/complaints/complaints.crypto.js';

const config = loadConfigOrExit();
const started = Date.now();
try {
  // The audit key and anchor live outside the database; the default key file is made on first start.
  setAuditSecrets(loadAuditSecrets(config.audit, { create: true }));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}
// SM4 keys of the complaints (ZELIAN_SM4_KEYS; the documented dev key in a demo without one).
setComplaintKeys(config.sm4Keys);
if (config.sm4KeySource === 'dev')
  console.warn('信访举报加密使用演示开发密钥（ZELIAN_SM4_KEYS 未配置），请勿用于真实数据');
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: config.dbPoolSize,
  poolWaitMs: config.dbPoolWaitMs,
}).catch((err) => {
  if (!(err instanceof AppError && err.code === DATA_DIR_IN_USE)) throw err;
  console.error(err.message);
  process.exit(1);
});
await database.migrate();
const clock = new Clock(config.allowClock);
await clock.refresh(database.db);
try {
  await database.db.transaction((tx) => prepareChain(systemCtx(tx, clock)));
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const init = await initialiseDatabase(database, clock, { demo: config.demo });
await anchorHead(database.db);
if (init.sysadminPassword) {
  console.log(`\n首次启动：已创建系统管理员 sysadmin，初始密码（仅显示一次）：${init.sysadminPassword}\n`);
}
const jobs = new JobRunner(database, clock, allJobs);
const app = await buildApp({
  database,
  clock,
  jobs,
  logger: { level: config.logLevel },
  trustProxy: config.trustProxy,
  sessionCache: config.sessionCache,
});
if (config.jobs) await jobs.start();
await app.listen({ port: config.port, host: config.host });
console.log(
  `责链 Zelian 已启动：http://${config.host}:${config.port}/  数据库：${database.driver === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}  用时 ${Date.now() - started} ms`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await jobs.stop();
  // The last head of this run goes to the external anchor (a deleted tail is then caught by audit:verify).
  await anchorHead(database.db).catch((err) => app.log.error(err, 'audit anchor not written'));
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
