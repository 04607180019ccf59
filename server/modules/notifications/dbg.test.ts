import type { AddressInfo } from 'node:net';
import { it } from 'vitest';
import { DEMO_PASSWORD, createTestApp } from '../../test/harness.js';
import { closeLiveHub } from '../../platform/notify/live.js';

it('close timing', async () => {
  const t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhujian', password: DEMO_PASSWORD } });
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  const abort = new AbortController();
  const r = await fetch(`http://127.0.0.1:${port}/api/notifications/stream`, { headers: { cookie }, signal: abort.signal });
  const reader = r.body!.getReader();
  console.log(new TextDecoder().decode((await reader.read()).value));
  abort.abort();
  await new Promise((r) => setTimeout(r, 100));
  let s = Date.now();
  await t.app.close();
  console.log('app.close', Date.now() - s);
  s = Date.now();
  await closeLiveHub(t.database);
  await t.database.close();
  console.log('db close', Date.now() - s);
}, 120000);
