import { and, count, eq } from 'drizzle-orm';
import type { Scope } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import { problemDirectory } from '../problems/problems.facts.js';
import { inScope } from './warnings.repository.js';
import { warnings } from './warnings.tables.js';

const problem = problemDirectory('problem');

/** The warnings the list shows in scope (by unit), counted by state or situation: the same WHERE as the list. */
export async function countWarningsBy(
  db: Executor,
  scope: Scope,
  manager: boolean,
  unitId: string | undefined,
  column: 'state' | 'situationId',
) {
  const col = column === 'state' ? warnings.state : warnings.situationId;
  const rows = await db
    .select({ key: col, n: count() })
    .from(warnings)
    .innerJoin(problem, eq(problem.id, warnings.problemId))
    .where(and(inScope(scope, manager), unitId ? eq(warnings.unitId, unitId) : undefined))
    .groupBy(col);
  return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
}
