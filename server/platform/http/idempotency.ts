import crypto from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.js';
import { idempotencyKeys } from '../db/platform.tables.js';
import { AppError } from '../errors.js';

const HEADER = 'idempotency-key';
/** How long a finished request's answer is kept for its retries. */
const KEEP_MS = 24 * 3_600_000;
/** How long an attempt holds its key before a retry may take it over (the attempt crashed uncommitted). */
export const IDEMPOTENCY_LEASE_SECONDS = 30;

const inProgress = () =>
  new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', '相同的提交正在处理中，请稍候片刻再查看结果，勿重复提交');

/** The status a route answers on success (its first declared 2xx), which the stored outcome replays. */
function successStatus(req: FastifyRequest): number {
  const declared = Object.keys((req.routeOptions.schema?.response as object | undefined) ?? {});
  return declared.map(Number).find((s) => s >= 200 && s < 300) ?? 200;
}

/** The answer as the route's response schema sends it (undeclared keys stripped), as JSON. */
function outcomeBody(req: FastifyRequest, status: number, result: unknown): unknown {
  const schema = (req.routeOptions.schema?.response as Record<number, unknown> | undefined)?.[status] as
    | { safeParse?: (v: unknown) => { success: boolean; data?: unknown } }
    | undefined;
  const parsed = schema?.safeParse?.(result);
  const body = parsed?.success ? parsed.data : result;
  return body === undefined ? null : JSON.parse(JSON.stringify(body));
}

/**
 * SPEC 3a: a POST that creates may carry an `Idempotency-Key`; repeating it returns the first answer instead of
 * creating twice.
 *
 * 1. Before the handler, the key is claimed in its own short statement: a new key, or one whose holder's lease
 *    (IDEMPOTENCY_LEASE_SECONDS) ran out without an outcome — that attempt crashed before committing. A key held
 *    by a live attempt answers 409; a key with an outcome replays it.
 * 2. The request's write transaction (req.run) first locks the key's row and checks it still holds the claim,
 *    then writes, then stores the outcome (status and body) in the same transaction: the object and the answer
 *    to its retries commit together or not at all. A retry after a 503 or a dropped connection therefore gets
 *    the committed object, never a second one; a takeover waits on the row lock of a slow attempt.
 * 3. An attempt that failed without committing (4xx, 5xx) gives its key back at once.
 */
export function installIdempotency(app: FastifyInstance, database: Database) {
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers[HEADER];
    if (req.method !== 'POST' || typeof key !== 'string' || !req.actor) return;
    if (key.length < 8 || key.length > 100) {
      throw new AppError(400, 'IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key 长度应为 8–100 个字符');
    }
    const route = `${req.method} ${req.routeOptions.url}`;
    const userId = req.actor.userId;
    const claim = crypto.randomUUID();
    const db = database.db;
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ key, userId, route, status: 0, body: { claim } })
      .onConflictDoUpdate({
        target: idempotencyKeys.key,
        set: { body: { claim }, createdAt: sql`now()` },
        setWhere: and(
          eq(idempotencyKeys.status, 0),
          eq(idempotencyKeys.userId, userId),
          eq(idempotencyKeys.route, route),
          lt(idempotencyKeys.createdAt, sql`now() - make_interval(secs => ${IDEMPOTENCY_LEASE_SECONDS})`),
        ),
      })
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [prior] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.key, key), eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.route, route)));
      if (!prior) throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于其他请求');
      if (prior.status === 0) throw inProgress();
      return reply.status(prior.status).header('idempotent-replay', 'true').send(prior.body);
    }
    req.idempotencyKey = key;
    req.idempotencyClaim = claim;
    const run = req.run.bind(req);
    let wrapped = false;
    req.run = <T>(fn: Parameters<typeof run<T>>[0]) => {
      if (wrapped) return run(fn);
      wrapped = true;
      return run(async (ctx) => {
        const [row] = await ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)).for('update');
        if (row?.status !== 0 || (row.body as { claim?: string } | null)?.claim !== claim) throw inProgress();
        const result = await fn(ctx);
        const status = successStatus(req);
        await ctx.db
          .update(idempotencyKeys)
          .set({ status, body: outcomeBody(req, status, result) })
          .where(eq(idempotencyKeys.key, key));
        return result;
      });
    };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const key = req.idempotencyKey;
    if (!key || !req.actor) return payload;
    // Only this attempt's own claim, still without an outcome: a committed outcome is never undone here.
    const mine = and(
      eq(idempotencyKeys.key, key),
      eq(idempotencyKeys.status, 0),
      sql`${idempotencyKeys.body}->>'claim' = ${req.idempotencyClaim ?? ''}`,
    );
    try {
      if (reply.statusCode >= 400) {
        await database.db.delete(idempotencyKeys).where(mine);
        return payload;
      }
      // A route that wrote without req.run: its answer is stored after the fact.
      const body = typeof payload === 'string' && payload ? JSON.parse(payload) : null;
      await database.db.update(idempotencyKeys).set({ status: reply.statusCode, body }).where(mine);
      await database.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(Date.now() - KEEP_MS)));
    } catch (err) {
      // The database is gone: the claim's lease runs out by itself and a retry is served then.
      req.log.warn({ err }, 'idempotency: key not released');
    }
    return payload;
  });
}
