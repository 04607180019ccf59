/**
 * bench/assessment.ts — issue #15: computing a county's assessment over a year of events. The demo county grown to
 * the county dataset (bench/lib/dataset.ts: 500 units, 50,000 problems with their events and warnings), a “两个责任”
 * system from its template, one assessment over the year; then 计算 three times (the first on a fresh run, the next
 * two recomputing: idempotent, same rows), the ranked scores and one unit's traceable items. Reports wall time and
 * this process's CPU per step, and the rows written.
 * Usage: npx tsx bench/assessment.ts                                              (PGlite, in memory)
 *        DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/assessment.ts
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { ROLE_PERMISSIONS } from '../common/roles.js';
import type { Ctx } from '../server/platform/context.js';
import { rowsOf } from '../server/platform/db/client.js';
import {
  createAssessment,
  fireAssessmentEvent,
  scores,
  unitScore,
} from '../server/modules/assessment/assessment.service.js';
import { createSystem } from '../server/modules/assessment/assessment.systems.js';
import { generateDataset } from './lib/dataset.js';
import { openDemoDatabase } from './lib/demo.js';

const pg = !!process.env.DATABASE_URL;
const loadBefore = os.loadavg();
const demo = await openDemoDatabase(pg ? `bench_assessment_${process.pid}` : undefined);
const db = demo.database.db;
const t0 = performance.now();
await generateDataset(demo.database, 'county', () => undefined);
const datasetSeconds = ((performance.now() - t0) / 1000).toFixed(1);
const [{ id: regionId }] = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM regions WHERE code = 'DEMO'`));

const office: Ctx = {
  db,
  ip: null,
  clock: demo.clock,
  now: demo.clock.now(),
  actor: {
    userId: crypto.randomUUID(),
    username: 'bench',
    displayName: '基准测试',
    personId: null,
    sessionId: '',
    csrfToken: '',
    roles: [{ role: 'supervision_office', unitId: null, groupId: null, regionId }],
    permissions: new Set(ROLE_PERMISSIONS.supervision_office),
    scope: { regionId, allUnits: true, unitIds: [], groupIds: [], personId: null },
  },
};

/** Runs `work` once inside a transaction, as the request does; wall ms and this process's CPU ms. */
async function step<T>(label: string, work: (ctx: Ctx) => Promise<T>) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = await db.transaction((tx) => work({ ...office, db: tx }));
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  rows.push({ label, wall: wall.toFixed(0), cpu: ((used.user + used.system) / 1000).toFixed(0) });
  return result;
}
const rows: { label: string; wall: string; cpu: string }[] = [];

const year = demo.clock.now().getFullYear();
const today = demo.clock.now().toISOString().slice(0, 10);
const from = `${year - 1}${today.slice(4)}`;
const to = new Date(Date.now() + 130 * 86_400_000).toISOString().slice(0, 10);
const system = await createSystem(office, {
  name: '基准“两个责任”考核',
  year,
  unitType: null,
  templateKey: 'two_responsibilities',
  description: '',
});
let run = await createAssessment(office, { systemId: system.id, name: '基准考核', periodFrom: from, periodTo: to });
for (const n of [1, 2, 3]) {
  run = await step(n === 1 ? '计算 (first)' : `计算 again (${n})`, (ctx) =>
    fireAssessmentEvent(ctx, run.id, { type: 'compute', version: run.version, comment: '' }),
  );
}
const ranked = await step('得分与排名 (scores)', (ctx) => scores(ctx, run.id));
const worst = ranked.items.at(-1)?.unitId as string;
await step('one unit’s items (unitScore)', (ctx) => unitScore(ctx, run.id, worst));

const [made] = rowsOf<{ units: number; problems: number; results: number; items: number; events: number }>(
  await db.execute(sql`SELECT (SELECT count(*) FROM units WHERE region_id = ${regionId})::int AS units,
    (SELECT count(*) FROM problems WHERE region_id = ${regionId})::int AS problems,
    (SELECT count(*) FROM assessment_results WHERE assessment_id = ${run.id})::int AS results,
    (SELECT count(*) FROM assessment_items WHERE assessment_id = ${run.id})::int AS items,
    (SELECT count(*) FROM assessment_items WHERE assessment_id = ${run.id} AND kind = 'event')::int AS events`),
);
console.log(
  `${pg ? 'PostgreSQL' : 'PGlite'}: county dataset ${datasetSeconds} s — ${made.units} units, ${made.problems} problems; ` +
    `period ${from} … ${to}; one revision holds ${made.results} results and ${made.items} items (${made.events} from ` +
    `events); load before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${os.cpus().length} cores`,
);
console.log('| step | wall ms | CPU ms (Node) |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.label} | ${r.wall} | ${r.cpu} |`);
await demo.close();
