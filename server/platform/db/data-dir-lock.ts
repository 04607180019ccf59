import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { ruleViolation } from '../errors.js';

/**
 * One process per embedded data directory. PGlite has no locking of its own, and two processes on one directory
 * corrupt it (a second `npm start` used to migrate and start jobs before failing on the port; the first instance's
 * directory then no longer opened). The lock is taken before the database is opened.
 *
 * proper-lockfile keeps the lock fresh (mtime) while the holder lives; a holder killed with -9 stops refreshing and
 * its lock goes stale after STALE_MS, so a restart after a crash waits that long at most instead of being refused.
 */
const STALE_MS = 5_000;
const UPDATE_MS = 1_000;
/** A live holder is declared after trying for somewhat longer than a crashed holder's lock takes to go stale. */
const RETRIES = { retries: 7, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 };

export const DATA_DIR_IN_USE = 'DATA_DIR_IN_USE';

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'zelian.lock'),
      stale: STALE_MS,
      update: UPDATE_MS,
      retries: RETRIES,
      realpath: false,
      onCompromised: (err) => {
        // Another process took the directory over (our process stalled past STALE_MS): stop before writing more.
        console.error(`数据目录锁已失效，进程退出以保护数据 (data directory lock compromised): ${err.message}`);
        process.exit(1);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    throw ruleViolation(
      DATA_DIR_IN_USE,
      `数据目录 ${dataDir} 正被另一个责链进程使用，请先停止该进程，或设置其他 DATA_DIR。` +
        ` (The data directory is in use by another Zelian process: stop it first or set another DATA_DIR.)`,
    );
  }
}
