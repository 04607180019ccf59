import { randomUUID } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { type AuditBatch, openAuditBatch } from '../../platform/audit/audit.service.js';
import type { AuditInput } from '../../platform/audit/audit.types.js';
import { type Ctx, actorOf, today } from '../../platform/context.js';
import * as repo from './problems.repository.js';

/** A measure whose deadline the caller has already computed (once per distinct deadline spec). */
export interface DraftMeasure {
  content: string;
  deadlineType: 'date' | 'calendar' | 'working';
  days: number | null;
  deadline: string;
}

/** A validated draft problem of a bulk import, with the unit's defaults already applied. */
export interface DraftProblem {
  title: string;
  description: string;
  source: string;
  category: string;
  severity: string;
  unitId: string;
  responsiblePersonId: string | null;
  leaderPersonId: string | null;
  measures: DraftMeasure[];
}

/**
 * Problems per batch: one INSERT of problems, then their measures and audit records, so memory
 * stays bounded whatever the file's size.
 */
export const PROBLEMS_PER_BATCH = 2000;
const MEASURES_PER_INSERT = 5000;
const HASH_SLICE = 200;

/** Measures of a batch, in inserts of a bounded size. */
async function insertMeasures(ctx: Ctx, measures: Parameters<typeof repo.insertMeasuresMany>[1]) {
  for (let i = 0; i < measures.length; i += MEASURES_PER_INSERT) {
    await repo.insertMeasuresMany(ctx.db, measures.slice(i, i + MEASURES_PER_INSERT));
  }
}

/**
 * Hashes in slices, yielding between them: the event loop can send the statement in flight and
 * serve other requests (a whole batch is ~100 ms of CPU).
 */
async function chainInSlices(audit: AuditBatch, inputs: AuditInput[]) {
  const rows = [];
  for (let i = 0; i < inputs.length; i += HASH_SLICE) {
    await setImmediate();
    rows.push(...audit.chain(inputs.slice(i, i + HASH_SLICE)));
  }
  return rows;
}

/** Both results, once both have settled: no statement may still be running on the transaction after an error. */
async function settled<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
  return [ra.value, rb.value];
}

/**
 * The set-based counterpart of `createProblem` for drafts: the same rows (code from the same
 * sequence, measures, deadline = latest measure deadline, state draft) and one `problem.created`
 * audit record per problem, written in multi-row batches in the caller's transaction.
 * Returns the ids in input order.
 */
export async function createDraftProblems(
  ctx: Ctx,
  drafts: DraftProblem[],
  onBatch: (done: number) => void = () => {},
): Promise<string[]> {
  const actor = actorOf(ctx);
  const year = Number(today(ctx).slice(0, 4));
  const audit = await openAuditBatch(ctx);
  const ids: string[] = [];
  let hashed: ReturnType<AuditBatch['chain']> = [];
  for (let start = 0; start < drafts.length; start += PROBLEMS_PER_BATCH) {
    const batch = drafts.slice(start, start + PROBLEMS_PER_BATCH);
    const codes = await repo.nextCodes(ctx.db, year, batch.length);
    const values = batch.map((d, i) => ({
      id: randomUUID(),
      regionId: actor.scope.regionId as string,
      code: codes[i],
      title: d.title,
      description: d.description,
      source: d.source,
      sourceRef: null,
      category: d.category,
      severity: d.severity,
      unitId: d.unitId,
      responsiblePersonId: d.responsiblePersonId,
      leaderPersonId: d.leaderPersonId,
      urgent: false,
      deadline:
        d.measures
          .map((m) => m.deadline)
          .sort()
          .at(-1) ?? null,
      createdBy: actor.userId,
    }));
    const saved = new Map((await repo.insertMany(ctx.db, values)).map((p) => [p.id, p]));
    const measures = batch.map((d, i) =>
      d.measures.map((m, seq) => ({
        problemId: values[i].id,
        seq: seq + 1,
        content: m.content,
        ownerPersonId: null,
        deadlineType: m.deadlineType,
        deadlineDays: m.days,
        deadline: m.deadline,
      })),
    );
    const created = values.map((v, i) => ({
      type: 'problem.created' as const,
      entity: 'problem',
      entityId: v.id,
      after: { ...saved.get(v.id), measures: measures[i] },
    }));
    // While the audit records of this batch are hashed here, the database stores its measures
    // and the audit records of the previous batch: both sides are busy (the chain stays in order).
    const previous = hashed;
    [hashed] = await settled(
      chainInSlices(audit, created),
      insertMeasures(ctx, measures.flat()).then(() => audit.append(previous)),
    );
    ids.push(...values.map((v) => v.id));
    onBatch(ids.length);
  }
  await audit.append(hashed);
  await audit.close();
  return ids;
}
