import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZChangePassword,
  ZCreateUser,
  ZIdParam,
  ZLogin,
  ZLoginResult,
  ZMe,
  ZOk,
  ZPasswordOnly,
  ZPasswordReset,
  ZSecuritySettings,
  ZSetRoles,
  ZTotpSetup,
  ZTotpToken,
  ZUpdateSecurity,
  ZUpdateUser,
  ZListUsers,
  ZUser,
  ZListSavedViews,
  ZCreateSavedView,
  ZSavedView,
} from '../../../common/identity.schema.js';
import { z, zPageOf } from '../../../common/zod.js';
import * as auth from '../../platform/auth/auth.service.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { usersExport } from './identity.export.js';
import * as service from './identity.service.js';
import * as views from './identity.views.js';

export interface IdentityRouteOptions {
  /** Sign-in attempts per IP per minute. */
  loginRateLimit: number;
}

export async function identityRoutes(fastify: FastifyInstance, opts: IdentityRouteOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['登录与账号'];

  app.post(
    '/api/auth/login',
    {
      schema: { tags, body: ZLogin, response: { 200: ZLoginResult } },
      config: { auth: 'public', rateLimit: { max: opts.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const result = await req.run(async (ctx) => {
        const r = await auth.login(ctx, { ...req.body, userAgent: req.headers['user-agent'] });
        if (!r.ok && r.locked) await service.alertLockout(ctx, r.locked);
        return r;
      });
      if (!result.ok) {
        const wait = result.error.extra.retryAfterSeconds;
        if (typeof wait === 'number') reply.header('retry-after', String(wait));
        throw result.error;
      }
      reply.setCookie(auth.SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
      });
      const u = result.user;
      return {
        user: { id: u.id, username: u.username, displayName: u.displayName, mustChangePassword: u.mustChangePassword },
      };
    },
  );
  app.post('/api/auth/logout', { schema: { tags, response: { 200: ZOk } } }, async (req, reply) => {
    await req.run((ctx) => auth.logout(ctx));
    reply.clearCookie(auth.SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
  app.get('/api/me', { schema: { tags, response: { 200: ZMe } } }, (req) => req.run((ctx) => service.describeMe(ctx)));
  app.post('/api/me/password', { schema: { tags, body: ZChangePassword, response: { 200: ZOk } } }, async (req) => {
    await req.run((ctx) => auth.changeOwnPassword(ctx, req.body.oldPassword, req.body.newPassword));
    return { ok: true };
  });
  app.post('/api/me/totp/setup', { schema: { tags, body: ZPasswordOnly, response: { 200: ZTotpSetup } } }, (req) =>
    req.run((ctx) => auth.setupTotp(ctx, req.body.password)),
  );
  app.post('/api/me/totp/enable', { schema: { tags, body: ZTotpToken, response: { 200: ZOk } } }, async (req) => {
    await req.run((ctx) => auth.enableTotp(ctx, req.body.token));
    return { ok: true };
  });
  app.post('/api/me/totp/disable', { schema: { tags, body: ZPasswordOnly, response: { 200: ZOk } } }, async (req) => {
    await req.run((ctx) => auth.disableTotp(ctx, req.body.password));
    return { ok: true };
  });

  // The signed-in user's saved views of a list (any account: they are the user's own settings).
  app.get(
    '/api/me/views',
    { schema: { tags, querystring: ZListSavedViews, response: { 200: z.object({ items: z.array(ZSavedView) }) } } },
    async (req) => ({ items: await req.run((ctx) => views.listViews(ctx, req.query.list)) }),
  );
  app.post(
    '/api/me/views',
    { schema: { tags, body: ZCreateSavedView, response: { 201: ZSavedView } } },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => views.createView(ctx, req.body))),
  );
  app.delete(
    '/api/me/views/:id',
    { schema: { tags, params: ZIdParam, response: { 204: z.undefined() } } },
    async (req, reply) => {
      await req.run((ctx) => views.deleteView(ctx, req.params.id));
      return reply.status(204).send();
    },
  );

  const admin = ['用户与角色'];
  app.get(
    '/api/users',
    {
      schema: { tags: admin, querystring: ZListUsers, response: { 200: zPageOf(ZUser) } },
      config: { permission: 'users:read' },
    },
    (req) => req.run((ctx) => service.listUsers(ctx, req.query)),
  );
  app.get(
    '/api/users/export.xlsx',
    { schema: { tags: admin, querystring: ZListUsers }, config: { permission: 'users:read' } },
    async (req, reply) => req.run((ctx) => sendXlsxExport(reply, usersExport(ctx, req.query))),
  );
  app.post(
    '/api/users',
    { schema: { tags: admin, body: ZCreateUser, response: { 201: ZUser } }, config: { permission: 'users:write' } },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createUser(ctx, req.body))),
  );
  app.patch(
    '/api/users/:id',
    {
      schema: { tags: admin, params: ZIdParam, body: ZUpdateUser, response: { 200: ZUser } },
      config: { permission: 'users:write' },
    },
    (req) => req.run((ctx) => service.updateUser(ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/users/:id/reset-password',
    {
      schema: { tags: admin, params: ZIdParam, response: { 200: ZPasswordReset } },
      config: { permission: 'users:write' },
    },
    (req) => req.run((ctx) => service.resetPassword(ctx, req.params.id)),
  );
  app.post(
    '/api/users/:id/unlock',
    // Unlocking is a security decision (三员分立): the security admin's.
    { schema: { tags: admin, params: ZIdParam, response: { 200: ZUser } }, config: { permission: 'security:write' } },
    (req) => req.run((ctx) => service.unlockUser(ctx, req.params.id)),
  );
  app.put(
    '/api/users/:id/roles',
    {
      schema: { tags: admin, params: ZIdParam, body: ZSetRoles, response: { 200: ZUser } },
      config: { permission: 'roles:write' },
    },
    (req) => req.run((ctx) => service.setRoles(ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/settings/security',
    { schema: { tags: admin, response: { 200: ZSecuritySettings } }, config: { permission: 'security:write' } },
    (req) => req.run((ctx) => service.readSecurityPolicy(ctx)),
  );
  app.patch(
    '/api/settings/security',
    {
      schema: { tags: admin, body: ZUpdateSecurity, response: { 200: ZSecuritySettings } },
      config: { permission: 'security:write' },
    },
    (req) => req.run((ctx) => service.updateSecurityPolicy(ctx, req.body)),
  );
}
