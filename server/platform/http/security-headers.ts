import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** The Content-Security-Policy of the web app: its own scripts, inline styles (antd), images from data: and blob:. */
export const SECURITY_HEADER_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
};

/**
 * What helmet's middleware does to a response with these options, recorded once: the headers it sets and the
 * ones it removes. None of our options depends on the request (no nonces, no functions).
 */
export function securityHeadersOf(options: HelmetOptions): { set: [string, string][]; removed: string[] } {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string) => set.push([name, String(value)]),
    removeHeader: (name: string) => removed.push(name),
  } as unknown as ServerResponse;
  let done = false;
  helmet(options)({} as never, recorder, (err?: unknown) => {
    if (err) throw err;
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously');
  return { set, removed };
}

/**
 * helmet's security headers on every answer (API, web app, errors, 404), as @fastify/helmet set them in an
 * `onRequest` hook — but computed once at start-up: @fastify/helmet built helmet's middleware again for every
 * request (parsing the CSP directives each time; ≈ 7 % of a problem detail's Node CPU, issue #19).
 */
export function installSecurityHeaders(app: FastifyInstance, options: HelmetOptions = SECURITY_HEADER_OPTIONS) {
  const { set, removed } = securityHeadersOf(options);
  app.addHook('onRequest', (_req, reply, done) => {
    const res = reply.raw;
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    done();
  });
}
