import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../server/seed/seed.js';

/**
 * Single-client timings of full requests through an app in this process (`app.inject`: session, scope,
 * validation, SQL, JSON), for the single-purpose benchmark scripts.
 */
export function injectBench(app: FastifyInstance, runs = 30) {
  async function session(username: string) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    return String(res.headers['set-cookie']).split(';')[0];
  }
  /** p50 / p95 over `runs` GETs after 3 warm-ups; `total` is the answer's total (or its findings count). */
  async function measure(label: string, cookie: string, path: string) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < runs + 3; i++) {
      const s = performance.now();
      const res = await app.inject({ method: 'GET', url: path, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
      total = res.json().total ?? res.json().findings ?? 0;
      if (i >= 3) times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
    return { label, total, p50: q(0.5), p95: q(0.95) };
  }
  return { session, measure };
}
