import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict } from '../errors.js';
import type { Executor } from '../db/client.js';
import { settings } from '../db/platform.tables.js';

/** A typed setting: a key, its schema and the default used until an administrator changes it. */
export interface SettingDef<S extends z.ZodType> {
  key: string;
  schema: S;
  defaults: z.infer<S>;
}

export async function readSetting<S extends z.ZodType>(
  db: Executor,
  def: SettingDef<S>,
): Promise<z.infer<S> & { version: number }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, def.key));
  return settingFrom(def, row);
}

/** A setting from its stored row (or none: the defaults), for callers that read the row with other data. */
export function settingFrom<S extends z.ZodType>(
  def: SettingDef<S>,
  row: { value: unknown; version: number } | null | undefined,
): z.infer<S> & { version: number } {
  if (!row) return { ...(def.defaults as object), version: 0 } as z.infer<S> & { version: number };
  return { ...(def.defaults as object), ...(row.value as object), version: row.version } as z.infer<S> & {
    version: number;
  };
}

/** Writes a setting with the optimistic-lock version the caller read (0 = never saved). */
export async function writeSetting<S extends z.ZodType>(
  db: Executor,
  def: SettingDef<S>,
  value: z.infer<S>,
  version: number,
): Promise<void> {
  if (version === 0) {
    const inserted = await db
      .insert(settings)
      .values({ key: def.key, value: value as object })
      .onConflictDoNothing()
      .returning({ key: settings.key });
    if (inserted.length === 0) throw conflict();
    return;
  }
  const updated = await db
    .update(settings)
    .set({ value: value as object, version: version + 1, updatedAt: new Date() })
    .where(and(eq(settings.key, def.key), eq(settings.version, version)))
    .returning({ key: settings.key });
  if (updated.length === 0) throw conflict();
}
