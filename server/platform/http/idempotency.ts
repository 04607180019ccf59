import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';
import { idempotencyKeys } from '../db/platform.tables.js';
import { AppError } from '../errors.js';

const HEADER = 'idempotency-key';
const KEEP_MS = 24 * 3_600_000;

/**
 * SPEC 3a: a POST that creates may carry an `Idempotency-Key`; repeating it returns the first
 * answer instead of creating twice. The key is claimed before the handler runs, so two
 * concurrent submissions cannot both create.
 */
export function installIdempotency(app: FastifyInstance, database: Database) {
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers[HEADER];
    if (req.method !== 'POST' || typeof key !== 'string' || !req.actor) return;
    if (key.length < 8 || key.length > 100) {
      throw new AppError(400, 'IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key 长度应为 8–100 个字符');
    }
    const route = `${req.method} ${req.routeOptions.url}`;
    const db = database.db;
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ key, userId: req.actor.userId, route, status: 0 })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length > 0) {
      req.idempotencyKey = key;
      return;
    }
    const [prior] = await db
      .select()
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.key, key),
          eq(idempotencyKeys.userId, req.actor.userId),
          eq(idempotencyKeys.route, route),
        ),
      );
    if (!prior) throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于其他请求');
    if (prior.status === 0) throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', '相同的提交正在处理中，请勿重复提交');
    return reply.status(prior.status).header('idempotent-replay', 'true').send(prior.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const key = req.idempotencyKey;
    if (!key || !req.actor) return payload;
    const where = and(eq(idempotencyKeys.key, key), eq(idempotencyKeys.userId, req.actor.userId));
    if (reply.statusCode >= 400) {
      // A failed attempt may be retried with the same key.
      await database.db.delete(idempotencyKeys).where(where);
      return payload;
    }
    const body = typeof payload === 'string' && payload ? JSON.parse(payload) : null;
    await database.db.update(idempotencyKeys).set({ status: reply.statusCode, body }).where(where);
    await database.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(Date.now() - KEEP_MS)));
    return payload;
  });
}
