import { buildApp } from './app.js';
import { Clock } from './platform/clock/clock.js';
import { anchorHead, prepareChain } from './platform/audit/audit.service.js';
import { loadAuditSecrets, setAuditSecrets } from './platform/audit/audit.key.js';
import { startWorkers, workerSlot } from './platform/cluster.js';
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
// ZELIAN_WORKERS > 1 (platform/cluster.ts): this process is then the primary, which prepares the database once and
// forks the workers, or one of the workers (slot 0…N−1), which only serve. Otherwise it does both, alone.
const slot = workerSlot();
const primary = config.workers > 1 && slot === null;
try {
  // The audit key and anchor live outside the database; the default key file is made on first start (never by a
  // worker: the primary has made it before forking).
  setAuditSecrets(loadAuditSecrets(config.audit, { create: slot === null }));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}
// SM4 keys of the complaints (ZELIAN_SM4_KEYS; the documented dev key in a demo without one).
setComplaintKeys(config.sm4Keys);
if (config.sm4KeySource === 'dev' && slot === null)
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
const clock = new Clock(config.allowClock);
const where = `http://${config.host}:${config.port}/  数据库：${database.driver === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}`;

if (slot === null) {
  // Done once per start, before any request: by the single process, or by the primary before it forks a worker.
  await database.migrate();
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
} else {
  await clock.refresh(database.db);
}
if (primary) await supervise();
else await serve();

/** The application: the single process, or one worker. */
async function serve() {
  const jobs = new JobRunner(database, clock, allJobs);
  const app = await buildApp({
    database,
    clock,
    jobs,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    sessionCache: config.sessionCache,
  });
  if (slot !== null) {
    // Which worker answered (its slot number, nothing more): shows the spread over the workers.
    const name = String(slot);
    app.server.prependListener('request', (_req, res) => res.setHeader('x-zelian-worker', name));
  }
  // Background jobs run in one worker (slot 0, and its replacement): one pg-boss poller per server, as before.
  if (config.jobs && (slot === null || slot === 0)) await jobs.start();
  await app.listen({ port: config.port, host: config.host });
  if (slot === null) console.log(`责链 Zelian 已启动：${where}  用时 ${Date.now() - started} ms`);

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await jobs.stop();
    // The last head of this run goes to the external anchor (a deleted tail is then caught by audit:verify); with
    // workers, the primary writes it once they have all stopped.
    if (slot === null) await anchorHead(database.db).catch((err) => app.log.error(err, 'audit anchor not written'));
    await database.close();
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** The primary of ZELIAN_WORKERS > 1: forks the workers, replaces those that die, stops them on SIGTERM/SIGINT. */
async function supervise() {
  await warnOfConnections();
  let stopping = false;
  const workers = startWorkers({
    count: config.workers,
    log: (message) => console.error(message),
    onReady: () =>
      console.log(
        `责链 Zelian 已启动：${where}  工作进程 ${config.workers} 个 / ${config.workers} workers  用时 ${Date.now() - started} ms`,
      ),
    onStartFailed: (message) => {
      console.error(message);
      void stop('start failed', 1);
    },
  });
  async function stop(reason: string, code: number) {
    if (stopping) return;
    stopping = true;
    console.log(`正在停止 ${config.workers} 个工作进程 / stopping the workers (${reason})`);
    await workers.stop();
    await anchorHead(database.db).catch((err) => console.error('audit anchor not written:', err));
    await database.close();
    process.exit(code);
  }
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
}

/**
 * Each worker has its own two pools (db/client.ts) and one LISTEN connection: says so at start when N of them could
 * open more connections than the server accepts. Pools open connections only as requests need them.
 */
async function warnOfConnections() {
  const { rows } = await database.query('SHOW max_connections');
  const max = Number((rows[0] as { max_connections: string }).max_connections);
  const most = config.workers * (2 * config.dbPoolSize + 1);
  if (most <= max) return;
  console.warn(
    `注意：${config.workers} 个工作进程 × (2 × DB_POOL_SIZE ${config.dbPoolSize} + 1) = 最多 ${most} 个数据库连接，超过 PostgreSQL 的 max_connections（${max}）` +
      ` / ${config.workers} workers × (2 × DB_POOL_SIZE ${config.dbPoolSize} + 1) = up to ${most} connections, above max_connections (${max})`,
  );
}
