/** What the benchmarks that start the app themselves share: a free port, a demo sign-in, `K=V` options. */
import net from 'node:net';

/** The demo county's password (DEMO_PASSWORD, server/seed/seed.ts). */
export const DEMO_PASSWORD = 'Zelian@2026';

/** A TCP port nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Signs in as a demo user; the session cookie (`zelian_sid=…`). */
export async function signInCookie(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username}: ${res.status}`);
  return String(res.headers.get('set-cookie')).split(';')[0];
}

/** `--env K=V` options as an environment. */
export const envOf = (pairs: string[]) =>
  Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
