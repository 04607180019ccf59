import { buildApp } from './app.js';
import { Clock } from './platform/clock/clock.js';
import { loadConfigOrExit } from './platform/config.js';
import { openDatabase } from './platform/db/client.js';
import { allJobs } from './jobs.js';
import { JobRunner } from './platform/jobs/jobs.service.js';
import { initialiseDatabase } from './seed/seed.js';

const config = loadConfigOrExit();
const started = Date.now();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await database.migrate();
const clock = new Clock(config.allowClock);
await clock.refresh(database.db);
const init = await initialiseDatabase(database, clock, { demo: config.demo });
if (init.sysadminPassword) {
  console.log(`\n首次启动：已创建系统管理员 sysadmin，初始密码（仅显示一次）：${init.sysadminPassword}\n`);
}
const jobs = new JobRunner(database, clock, allJobs);
const app = await buildApp({ database, clock, jobs, logger: { level: config.logLevel } });
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
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
