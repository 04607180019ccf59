/** Test helpers of the cases module: read a case and fire its events as one of the signed-in clients. */
import { expect } from 'vitest';
import type { Client } from '../../test/harness.js';

/** `get`, `fire` (at the version the leader sees now) and `ok` (fire, expect 200) over the clients in `c`. */
export function caseEvents(c: Record<string, Client>) {
  const get = async (u: string, id: string) => (await c[u].get(`/api/cases/${id}`)).json();
  async function fire(u: string, id: string, body: Record<string, unknown>) {
    const version = (await get('leader', id)).version;
    return c[u].post(`/api/cases/${id}/events`, { version, ...body });
  }
  async function ok(u: string, id: string, body: Record<string, unknown>) {
    const res = await fire(u, id, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  return { get, fire, ok };
}
