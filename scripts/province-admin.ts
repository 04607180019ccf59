/**
 * npm run province-admin -- --username <name> [--name <display name>] — opens a 省级规则管理员 account (the
 * province's operators only; a county's security admin cannot grant the role): it publishes the province default
 * of the rule sets through the API and sees nothing else. Prints a one-time password, changed at first sign-in.
 * The database must have been started once (migrated).
 */
import { Clock } from '../server/platform/clock/clock.js';
import { systemCtx } from '../server/platform/context.js';
import { openDatabase } from '../server/platform/db/client.js';
import { createProvinceAdmin } from '../server/modules/identity/identity.service.js';
import { requireOptions, runTool } from './cli.js';

const usage = 'npm run province-admin -- --username <用户名> [--name <显示名>]';
const { username, name } = requireOptions(['username', 'name'], ['username'], usage);

await runTool(async (config) => {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const clock = new Clock(config.allowClock);
    await clock.refresh(database.db);
    const made = await database.db.transaction((tx) =>
      createProvinceAdmin(systemCtx(tx, clock), { username, displayName: name ?? '省级规则管理员' }),
    );
    console.log(`已开通省级规则管理员账号 ${made.username}，一次性密码：${made.password}`);
    console.log('请当面交给本人；首次登录须修改密码，修改前不能使用其他功能。');
    return true;
  } finally {
    await database.close();
  }
});
