import { and, eq, inArray } from 'drizzle-orm';
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

/** The province default: the scope of a setting no region has changed for itself. */
export const PROVINCE = '';

type Row = { scope: string; value: unknown; version: number };

/**
 * A setting as region `scope` sees it: the code's defaults, then the province default row, then the
 * region's own row. `version` is the version of the row the caller would write (its own scope's).
 */
export async function readSetting<S extends z.ZodType>(
  db: Executor,
  def: SettingDef<S>,
  scope: string = PROVINCE,
): Promise<z.infer<S> & { version: number }> {
  const rows: Row[] = await db
    .select({ scope: settings.scope, value: settings.value, version: settings.version })
    .from(settings)
    .where(and(eq(settings.key, def.key), inArray(settings.scope, [...new Set([PROVINCE, scope])])));
  return layered(def, rows, scope);
}

/** Every region that set `def` for itself, with what it sees (the province default under its own row). */
export async function regionalSettings<S extends z.ZodType>(
  db: Executor,
  def: SettingDef<S>,
): Promise<{ province: z.infer<S> & { version: number }; regions: Map<string, z.infer<S> & { version: number }> }> {
  const rows: Row[] = await db
    .select({ scope: settings.scope, value: settings.value, version: settings.version })
    .from(settings)
    .where(eq(settings.key, def.key));
  const regions = new Map<string, z.infer<S> & { version: number }>();
  for (const r of rows) if (r.scope !== PROVINCE) regions.set(r.scope, layered(def, rows, r.scope));
  return { province: layered(def, rows, PROVINCE), regions };
}

function layered<S extends z.ZodType>(def: SettingDef<S>, rows: Row[], scope: string) {
  const province = rows.find((r) => r.scope === PROVINCE);
  const own = scope === PROVINCE ? province : rows.find((r) => r.scope === scope);
  if (!province && !own) return settingFrom(def, null);
  const value = { ...(province?.value as object), ...(own?.value as object) };
  return settingFrom(def, { value, version: own?.version ?? 0 });
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

/** Writes a setting of one scope with the optimistic-lock version the caller read (0 = never saved). */
export async function writeSetting<S extends z.ZodType>(
  db: Executor,
  def: SettingDef<S>,
  value: z.infer<S>,
  version: number,
  scope: string = PROVINCE,
): Promise<void> {
  if (version === 0) {
    const inserted = await db
      .insert(settings)
      .values({ key: def.key, scope, value: value as object })
      .onConflictDoNothing()
      .returning({ key: settings.key });
    if (inserted.length === 0) throw conflict();
    return;
  }
  const updated = await db
    .update(settings)
    .set({ value: value as object, version: version + 1, updatedAt: new Date() })
    .where(and(eq(settings.key, def.key), eq(settings.scope, scope), eq(settings.version, version)))
    .returning({ key: settings.key });
  if (updated.length === 0) throw conflict();
}
