/**
 * bench/patrol.ts — latency of the findings list (office and one group), group performance and the seed-001
 * figures on a county with many findings, through the real app (HTTP inject, session, scope, JSON).
 * Usage: npx tsx bench/patrol.ts [findings=100000]   (DATABASE_URL=postgres://… for PostgreSQL: it creates and
 * drops a throw-away database on that server)
 */
import { sql } from 'drizzle-orm';
import { buildBenchApp, openDemoDatabase } from './lib/demo.js';
import { injectBench } from './lib/inject.js';

const N = Number(process.argv[2] ?? 100_000);
const demo = await openDemoDatabase(`bench_patrol_${process.pid}`);
const { database } = demo;

const t0 = performance.now();
// One visit per two findings, spread over the six groups, their units and this year; findings in every state,
// a third of them dispatched as (demo) problems.
await database.db.execute(sql`
  INSERT INTO patrol_inspections (region_id, group_id, date, place, method, unit_ids, project, notes)
  SELECT g.region_id, g.id, date_trunc('year', now())::date + (s % 300), '现场', 
    (ARRAY['unannounced','unannounced','daily','special'])[1 + s % 4], ARRAY[u.unit_id], 'P' || (s % 500), '督导情况'
  FROM generate_series(1, ${N / 2}) AS s
  JOIN LATERAL (SELECT * FROM groups WHERE kind = 'patrol' ORDER BY sort_order OFFSET (s % 6) LIMIT 1) g ON true
  JOIN LATERAL (SELECT unit_id FROM group_units WHERE group_id = g.id ORDER BY unit_id OFFSET (s % 5) LIMIT 1) u ON true`);
await database.db.execute(sql`
  WITH i AS (SELECT *, row_number() OVER (ORDER BY id) AS rn FROM patrol_inspections),
       p AS (SELECT id, row_number() OVER (ORDER BY code) AS rn FROM problems)
  INSERT INTO patrol_findings (region_id, code, group_id, inspection_id, unit_id, title, description, state, problem_ids, created_at)
  SELECT i.region_id, 'B' || s, i.group_id, i.id, i.unit_ids[1], '督导发现' || s, '问题详情',
    (ARRAY['submitted','dispatched','escalated','dispatched','closed','merged'])[1 + s % 6],
    CASE WHEN s % 3 = 1 THEN ARRAY[p.id] ELSE '{}'::uuid[] END, i.date::timestamptz + interval '10 hours'
  FROM generate_series(1, ${N}) AS s
  JOIN i ON i.rn = 1 + s % (SELECT count(*) FROM i)
  JOIN p ON p.rn = 1 + s % (SELECT count(*) FROM p)`);
await database.db.execute(sql`ANALYZE`);
const loadMs = performance.now() - t0;

const app = await buildBenchApp(demo);
await app.ready();
const { session, measure } = injectBench(app, 20);
const office = await session('office');
const group1 = await session('group1');

const results = [
  await measure('findings page 1 (office, whole county)', office, '/api/findings?page=1&pageSize=20'),
  await measure('findings to review (office, state=submitted)', office, '/api/findings?state=submitted'),
  await measure('findings page 1 (group1, own group)', group1, '/api/findings?page=1&pageSize=20'),
  await measure('group performance (office, 6 groups)', office, '/api/patrol/performance'),
  await measure('seed-001 figures (office)', office, '/api/patrol/figures'),
];
console.log(
  JSON.stringify(
    { database: database.driver, findings: N, inspections: N / 2, loadSeconds: +(loadMs / 1000).toFixed(1), results },
    null,
    1,
  ),
);
await app.close();
await demo.close();
