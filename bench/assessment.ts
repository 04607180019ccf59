/**
 * bench/assessment.ts — issue #15: computing assessments over a year of events. The demo county grown to the county
 * dataset (bench/lib/dataset.ts: 500 units, 50,000 problems with their events and warnings), a “两个责任” system from
 * its template, one assessment over the year; then 计算 three times (the first on a fresh run, the next two
 * recomputing: idempotent, same rows), the ranked scores and one unit's traceable items. With `province` the dataset
 * is 100 such counties (50,000 units, 5 M problems) and every county computes its own assessment once, as its office
 * would. `--subject leader` assesses persons instead (the 领导干部 template over every county's unit principals and
 * leaders in charge). Reports wall time and this process's CPU per step, and the rows written.
 * Usage: npx tsx bench/assessment.ts [county|province] [--subject unit|leader]    (PGlite, in memory)
 *        DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/assessment.ts [county|province]
 *          [--reuse <database> [--counties N]]   (a kept province dataset: compute only, in the first N counties)
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../server/platform/context.js';
import { Clock } from '../server/platform/clock/clock.js';
import { openDatabase, rowsOf } from '../server/platform/db/client.js';
import { personScore, scores, unitScore } from '../server/modules/assessment/assessment.scores.js';
import { createAssessment, fireAssessmentEvent } from '../server/modules/assessment/assessment.service.js';
import { createSystem } from '../server/modules/assessment/assessment.systems.js';
import { generateDataset } from './lib/dataset.js';
import { type DemoDatabase, officeCtx, openDemoDatabase } from './lib/demo.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { reuse: { type: 'string' }, counties: { type: 'string' }, subject: { type: 'string', default: 'unit' } },
});
const pg = !!process.env.DATABASE_URL;
const scale = positionals[0] === 'province' ? 'province' : 'county';
const leader = values.subject === 'leader';
const loadBefore = os.loadavg();
const t0 = performance.now();
// --reuse <database>: a dataset an earlier run generated (PostgreSQL), kept; only the computing is measured.
const demo = values.reuse
  ? await reuseDatabase(values.reuse)
  : await openDemoDatabase(pg ? `bench_assessment_${process.pid}` : undefined);
if (!values.reuse) await generateDataset(demo.database, scale, () => undefined);
const db = demo.database.db;
const datasetSeconds = values.reuse ? 'reused' : ((performance.now() - t0) / 1000).toFixed(1);

async function reuseDatabase(name: string): Promise<DemoDatabase> {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return { database, clock: new Clock(false), close: () => database.close() };
}
const [{ id: regionId }] = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM regions WHERE code = 'DEMO'`));

const officeOf = (id: string) => officeCtx(demo, id);
const office = officeOf(regionId);

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
/** A county's “两个责任” (or 领导干部) system and its assessment over the year, as its office sets them up. */
async function setUp(ctx: Ctx) {
  const system = await createSystem(ctx, {
    name: leader ? '基准领导干部考核' : '基准“两个责任”考核',
    year,
    unitType: null,
    templateKey: leader ? 'leader_duty' : 'two_responsibilities',
    description: '',
  });
  return createAssessment(ctx, { systemId: system.id, name: '基准考核', periodFrom: from, periodTo: to });
}

if (scale === 'province') {
  const counties = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT id FROM regions WHERE code = 'DEMO' OR code LIKE 'BENCH%' ORDER BY code`),
  )
    .map((r) => r.id)
    .slice(0, Number(values.counties ?? 1000));
  const times: number[] = [];
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const county of counties) {
    const ctx = officeOf(county);
    const t = performance.now();
    await db.transaction(async (tx) => {
      const a = await setUp({ ...ctx, db: tx });
      await fireAssessmentEvent({ ...ctx, db: tx }, a.id, { type: 'compute', version: a.version, comment: '' });
    });
    times.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`SELECT count(*)::int AS n FROM assessment_results r JOIN assessments a ON a.id = r.assessment_id
      WHERE a.name = '基准考核'`),
  );
  console.log(
    `${pg ? 'PostgreSQL' : 'PGlite'}: province dataset ${datasetSeconds} s — ${counties.length} counties; ${n} ` +
      `${leader ? 'leader' : 'unit'} results; ` +
      `load before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  console.log('| step | total s | p50 ms / county | max ms | CPU ms / county (Node) |\n|---|---|---|---|---|');
  console.log(
    `| every county sets up and computes its assessment | ${((performance.now() - start) / 1000).toFixed(1)} | ` +
      `${times[Math.floor(times.length / 2)].toFixed(0)} | ${(times.at(-1) as number).toFixed(0)} | ` +
      `${((used.user + used.system) / 1000 / counties.length).toFixed(0)} |`,
  );
  await demo.close();
  process.exit(0);
}

let run = await setUp(office);
for (const n of [1, 2, 3]) {
  run = await step(n === 1 ? '计算 (first)' : `计算 again (${n})`, (ctx) =>
    fireAssessmentEvent(ctx, run.id, { type: 'compute', version: run.version, comment: '' }),
  );
}
const ranked = await step('得分与排名 (scores)', (ctx) => scores(ctx, run.id));
const last = ranked.items.at(-1);
const worst = (leader ? last?.personId : last?.unitId) as string;
await step(leader ? 'one person’s items (personScore)' : 'one unit’s items (unitScore)', (ctx) =>
  (leader ? personScore : unitScore)(ctx, run.id, worst),
);

const [made] = rowsOf<{ units: number; problems: number; results: number; items: number; events: number }>(
  await db.execute(sql`SELECT (SELECT count(*) FROM units WHERE region_id = ${regionId})::int AS units,
    (SELECT count(*) FROM problems WHERE region_id = ${regionId})::int AS problems,
    (SELECT count(*) FROM assessment_results WHERE assessment_id = ${run.id})::int AS results,
    (SELECT count(*) FROM assessment_items WHERE assessment_id = ${run.id})::int AS items,
    (SELECT count(*) FROM assessment_items WHERE assessment_id = ${run.id} AND kind = 'event')::int AS events`),
);
console.log(
  `${pg ? 'PostgreSQL' : 'PGlite'}: county dataset ${datasetSeconds} s — ${made.units} units, ${made.problems} problems; ` +
    `period ${from} … ${to}; one ${leader ? 'leader' : 'unit'} revision holds ${made.results} results and ` +
    `${made.items} items (${made.events} from ` +
    `events); load before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${os.cpus().length} cores`,
);
console.log('| step | wall ms | CPU ms (Node) |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.label} | ${r.wall} | ${r.cpu} |`);
await demo.close();
