import { inArray } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { personDirectory } from '../org/org.directory.js';

export interface LeaderRow {
  name: string;
  post: string;
  unitId: string;
}

/** Name, post and unit of the persons of a leader system's results (org's read model, decision 006). */
export async function leadersOf(ctx: Ctx, personIds: string[]): Promise<Map<string, LeaderRow>> {
  if (personIds.length === 0) return new Map();
  const p = personDirectory('p');
  const rows = await ctx.db
    .select({ id: p.id, name: p.name, post: p.post, unitId: p.unitId })
    .from(p)
    .where(inArray(p.id, personIds));
  return new Map(rows.map((r) => [r.id, { name: r.name, post: r.post, unitId: r.unitId }]));
}
