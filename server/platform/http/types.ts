import type { Permission } from '../../../common/roles.js';
import type { ScopeResolver } from '../auth/auth.service.js';
import type { Clock } from '../clock/clock.js';
import type { Actor, Ctx } from '../context.js';
import type { Database } from '../db/client.js';
import type { JobRunner } from '../jobs/jobs.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Set when this request claimed an Idempotency-Key. */
    idempotencyKey?: string;
    /** This attempt's claim on it (idempotency.ts). */
    idempotencyClaim?: string;
    /** Runs `fn` with the request context; requests that write get one transaction. */
    run<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  }
  interface FastifyContextConfig {
    /** 'public' routes need no session; default is a signed-in user. */
    auth?: 'public' | 'user';
    permission?: Permission;
  }
  interface FastifyInstance {
    database: Database;
    clock: Clock;
    jobs: JobRunner;
    resolveScope: ScopeResolver;
    /** "METHOD /api/path" of every API route, for the access-matrix test. */
    apiRoutes: string[];
  }
}
