import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as auth from '../../platform/auth/auth.service.js';
import {
  ZChangePassword,
  ZCreateUser,
  ZIdParam,
  ZLogin,
  ZPasswordOnly,
  ZSetRoles,
  ZTotpToken,
  ZUpdateSecurity,
  ZUpdateUser,
} from './identity.schema.js';
import * as service from './identity.service.js';

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
      schema: { tags, body: ZLogin },
      config: { auth: 'public', rateLimit: { max: opts.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const result = await req.run((ctx) => auth.login(ctx, { ...req.body, userAgent: req.headers['user-agent'] }));
      if (!result.ok) throw result.error;
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
  app.post('/api/auth/logout', { schema: { tags } }, async (req, reply) => {
    await req.run((ctx) => auth.logout(ctx));
    reply.clearCookie(auth.SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
  app.get('/api/me', { schema: { tags } }, (req) => req.run((ctx) => service.describeMe(ctx)));
  app.post('/api/me/password', { schema: { tags, body: ZChangePassword } }, async (req) => {
    await req.run((ctx) => auth.changeOwnPassword(ctx, req.body.oldPassword, req.body.newPassword));
    return { ok: true };
  });
  app.post('/api/me/totp/setup', { schema: { tags } }, (req) => req.run((ctx) => auth.setupTotp(ctx)));
  app.post('/api/me/totp/enable', { schema: { tags, body: ZTotpToken } }, async (req) => {
    await req.run((ctx) => auth.enableTotp(ctx, req.body.token));
    return { ok: true };
  });
  app.post('/api/me/totp/disable', { schema: { tags, body: ZPasswordOnly } }, async (req) => {
    await req.run((ctx) => auth.disableTotp(ctx, req.body.password));
    return { ok: true };
  });

  const admin = ['用户与角色'];
  app.get('/api/users', { schema: { tags: admin }, config: { permission: 'users:read' } }, (req) =>
    req.run((ctx) => service.listUsers(ctx)),
  );
  app.post(
    '/api/users',
    { schema: { tags: admin, body: ZCreateUser }, config: { permission: 'users:write' } },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createUser(ctx, req.body))),
  );
  app.patch(
    '/api/users/:id',
    { schema: { tags: admin, params: ZIdParam, body: ZUpdateUser }, config: { permission: 'users:write' } },
    (req) => req.run((ctx) => service.updateUser(ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/users/:id/reset-password',
    { schema: { tags: admin, params: ZIdParam }, config: { permission: 'users:write' } },
    (req) => req.run((ctx) => service.resetPassword(ctx, req.params.id)),
  );
  app.post(
    '/api/users/:id/unlock',
    { schema: { tags: admin, params: ZIdParam }, config: { permission: 'users:write' } },
    (req) => req.run((ctx) => service.unlockUser(ctx, req.params.id)),
  );
  app.put(
    '/api/users/:id/roles',
    { schema: { tags: admin, params: ZIdParam, body: ZSetRoles }, config: { permission: 'roles:write' } },
    (req) => req.run((ctx) => service.setRoles(ctx, req.params.id, req.body)),
  );
  app.get('/api/settings/security', { schema: { tags: admin }, config: { permission: 'security:write' } }, (req) =>
    req.run((ctx) => service.readSecurityPolicy(ctx)),
  );
  app.patch(
    '/api/settings/security',
    { schema: { tags: admin, body: ZUpdateSecurity }, config: { permission: 'security:write' } },
    (req) => req.run((ctx) => service.updateSecurityPolicy(ctx, req.body)),
  );
}
