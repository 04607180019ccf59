import { inArray } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { badRequest } from '../../platform/errors.js';
import { personDirectory } from '../org/org.directory.js';
import * as org from '../org/org.service.js';

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

/** 姓名（单位职务） of persons, as a leader system names them (a survey's or a meeting's person assessed). */
export async function personLabels(ctx: Ctx, personIds: string[]): Promise<Map<string, string>> {
  const persons = await leadersOf(ctx, [...new Set(personIds)]);
  const units = await org.unitNames(
    ctx.db,
    [...persons.values()].map((p) => p.unitId),
  );
  return new Map([...persons].map(([id, p]) => [id, `${p.name}（${units.get(p.unitId) ?? ''}${p.post}）`]));
}

/** Checks that the person exists for the caller, as the field `field` names it. */
export async function checkPerson(ctx: Ctx, personId: string, field: string, what: string) {
  await org.getPerson(ctx, personId).catch(() => {
    throw badRequest('PERSON_NOT_FOUND', `${what}不存在或无权查看`, field);
  });
}
