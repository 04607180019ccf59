import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import '../common/zod.js';
import { SESSION_COOKIE, authenticate, checkPasswordChangeGate } from './platform/auth/auth.service.js';
import { startSessionCache, transactionEnded } from './platform/auth/session-cache.js';
import type { Clock } from './platform/clock/clock.js';
import type { Ctx } from './platform/context.js';
import type { Database, Tx } from './platform/db/client.js';
import { AppError, forbidden, notFound, unauthenticated } from './platform/errors.js';
import { installErrorHandler } from './platform/http/errors-handler.js';
import { installIdempotency } from './platform/http/idempotency.js';
import { serveWebAssets } from './platform/http/web-assets.js';
import { installInputGuard } from './platform/http/input-guard.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import './platform/http/types.js';
import type { JobRunner } from './platform/jobs/jobs.service.js';
import { identityRoutes } from './modules/identity/identity.routes.js';
import { orgRoutes } from './modules/org/org.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { problemsRoutes } from './modules/problems/problems.routes.js';
import { warningsRoutes } from './modules/warnings/warnings.routes.js';
import { meetingsRoutes } from './modules/meetings/meetings.routes.js';
import { patrolRoutes } from './modules/patrol/patrol.routes.js';
import { casesRoutes } from './modules/cases/cases.routes.js';
import { toleranceRoutes } from './modules/tolerance/tolerance.routes.js';
import { talksRoutes } from './modules/talks/talks.routes.js';
import { homeRoutes } from './modules/home/home.routes.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { responsibilityRoutes } from './modules/responsibility/responsibility.routes.js';
import { spotCheckRoutes } from './modules/responsibility/responsibility.spot-checks.routes.js';
import { assessmentRoutes } from './modules/assessment/assessment.routes.js';
import { complaintsRoutes } from './modules/complaints/complaints.routes.js';
import { proposalsRoutes } from './modules/cases/cases.proposals.routes.js';
import { rulesRoutes } from './modules/rules/rules.routes.js';
import { resolveScope } from './modules/org/org.scope.js';
import { systemRoutes } from './modules/system/system.routes.js';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AppOptions {
  database: Database;
  clock: Clock;
  jobs: JobRunner;
  logger?: boolean | { level: string };
  loginRateLimit?: number;
  serveWeb?: boolean;
  /** Proxies whose X-Forwarded-For is believed (config TRUST_PROXY); none by default, so req.ip is the peer. */
  trustProxy?: string[];
  /** Cache what authentication reads per session in this process (config ZELIAN_SESSION_CACHE); on by default. */
  sessionCache?: boolean;
}

/**
 * Builds the Fastify application. Request path (STYLE.md): rate limit → authenticate →
 * validate → open transaction → authorize → service → present.
 */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: opts.trustProxy && opts.trustProxy.length > 0 ? opts.trustProxy : false,
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', opts.database);
  app.decorate('clock', opts.clock);
  app.decorate('jobs', opts.jobs);
  app.decorate('resolveScope', resolveScope);
  app.decorate('apiRoutes', [] as string[]);
  app.addHook('onRoute', (route) => {
    const methods = ([] as string[]).concat(route.method).filter((m) => m !== 'HEAD');
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs')) {
      for (const m of methods) app.apiRoutes.push(`${m} ${route.url}`);
    }
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('run', function run<T>(this: FastifyRequest, fn: (ctx: Ctx) => Promise<T>) {
    const base = { actor: this.actor, ip: this.ip, clock: opts.clock, now: opts.clock.now() };
    if (SAFE_METHODS.has(this.method)) return fn({ ...base, db: opts.database.db });
    let open: Tx | undefined;
    // After commit or rollback, what the transaction wrote of sessions and users may be cached again.
    return opts.database.db
      .transaction((tx) => {
        open = tx;
        return fn({ ...base, db: tx });
      })
      .finally(() => open && transactionEnded(open));
  });
  if (opts.sessionCache ?? true) {
    const stopSessionCache = await startSessionCache(opts.database);
    app.addHook('onClose', async () => stopSessionCache());
  }
  installErrorHandler(app);

  installSecurityHeaders(app);
  // JSON and text answers over 1 KB go out brotli- or gzip-compressed when the browser asks; brotli at a
  // quality cheap enough for per-request work (the built assets are compressed once, at build time, at 11).
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '责链 Zelian API', version: '0.1.0', description: '问责全链条管理平台接口（SPEC 3a）' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.routeOptions.config?.auth === 'public' || !req.routeOptions.url) return;
    if (req.routeOptions.url.startsWith('/api/docs')) return;
    await opts.clock.refresh(opts.database.db);
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated();
    const ctx = { db: opts.database.db, actor: null, ip: req.ip, clock: opts.clock, now: opts.clock.now() };
    req.actor = await authenticate(ctx, token, resolveScope);
    checkPasswordChangeGate(req.actor, `${req.method} ${req.routeOptions.url}`);
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== req.actor.csrfToken) {
      throw new AppError(403, 'CSRF_FAILED', '页面已过期或请求来源不可信，请刷新页面后重试');
    }
  });
  // Role permissions do not depend on the body: refuse before validating it. Object scope is checked in services.
  app.addHook('preValidation', async (req) => {
    const permission = req.routeOptions.config?.permission;
    if (permission && !req.actor?.permissions.has(permission)) throw forbidden();
  });
  installInputGuard(app);

  installIdempotency(app, opts.database);
  // API answers carry personal data and the CSRF token: never cached. Downloads set their own Cache-Control.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.register(systemRoutes);
  await app.register(identityRoutes, { loginRateLimit: opts.loginRateLimit ?? 20 });
  await app.register(orgRoutes);
  await app.register(notificationsRoutes);
  await app.register(problemsRoutes);
  await app.register(warningsRoutes);
  await app.register(meetingsRoutes);
  await app.register(patrolRoutes);
  await app.register(casesRoutes);
  await app.register(toleranceRoutes);
  await app.register(talksRoutes);
  await app.register(homeRoutes);
  await app.register(searchRoutes);
  await app.register(dashboardRoutes);
  await app.register(responsibilityRoutes);
  await app.register(spotCheckRoutes);
  await app.register(assessmentRoutes);
  await app.register(complaintsRoutes);
  await app.register(proposalsRoutes);
  await app.register(rulesRoutes);

  const hasWeb = (opts.serveWeb ?? true) && fs.existsSync(path.join(WEB_DIST, 'index.html'));
  const sendDocument = hasWeb ? await serveWebAssets(app, WEB_DIST) : null;
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET')
      return reply.status(404).send(notFound('接口不存在').toJSON());
    if (!sendDocument)
      return reply.status(503).type('text/plain; charset=utf-8').send('网页尚未构建：请运行 npm run build:web');
    return sendDocument(req, reply);
  });
  return app;
}
