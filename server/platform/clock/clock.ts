import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { settings } from '../db/platform.tables.js';

const CLOCK_KEY = 'clock';

/**
 * The one clock of the server (SPEC 3a). In training and tests (`ZELIAN_ALLOW_CLOCK=1`) a
 * sys_admin may move it; the offset lives in the database so every instance agrees.
 */
export class Clock {
  private offsetMs = 0;

  constructor(readonly allowed: boolean) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Re-read the shared offset (called per request when the clock may be moved). */
  async refresh(db: Executor): Promise<void> {
    if (!this.allowed) return;
    const [row] = await db.select().from(settings).where(eq(settings.key, CLOCK_KEY));
    this.offsetMs = row ? Number((row.value as { offsetMs: number }).offsetMs) : 0;
  }

  /** Moves the clock to `now`; `null` puts it back to real time. */
  async set(db: Executor, now: Date | null): Promise<{ before: Date; after: Date }> {
    const before = this.now();
    const offsetMs = now === null ? 0 : now.getTime() - Date.now();
    await db
      .insert(settings)
      .values({ key: CLOCK_KEY, value: { offsetMs } })
      .onConflictDoUpdate({ target: [settings.key, settings.scope], set: { value: { offsetMs } } });
    this.offsetMs = offsetMs;
    return { before, after: this.now() };
  }
}
