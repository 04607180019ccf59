/**
 * bench/responsibility.ts — issue #14: 明责 at province scale. The demo county plus `regions - 1` generated counties
 * of 500 units and 30 county leaders (each in charge of ~17 units) with the demo catalogue; then, per county as an
 * office would: the quarter's lists for every county leader in one action (`generateQuarter`: set-based insert of
 * lists, items and timeline, the sheets numbered in one counter step), the year's figures and the year-end view.
 * Each county's generation is one transaction, as the request is. Reports wall time and this process's CPU.
 * Usage: npx tsx bench/responsibility.ts [regions=100]                 (PGlite, in memory)
 *        DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/responsibility.ts [regions]
 */
import os from 'node:os';
import { TransactionRollbackError, sql } from 'drizzle-orm';
import { rowsOf } from '../server/platform/db/client.js';
import { generateQuarter } from '../server/modules/responsibility/responsibility.dispatch.js';
import { responsibilityFigures } from '../server/modules/responsibility/responsibility.figures.js';
import { DISPATCH_SHEET } from '../server/modules/responsibility/responsibility.numbering.js';
import { responsibilityYearEnd } from '../server/modules/responsibility/responsibility.year-end.js';
import { officeCtx, openDemoDatabase } from './lib/demo.js';

const regions = Number(process.argv[2] ?? 100);
const pg = !!process.env.DATABASE_URL;
const loadBefore = os.loadavg();
const demo = await openDemoDatabase(pg ? `bench_responsibility_${process.pid}` : undefined);
const db = demo.database.db;
const exec = (text: string) => db.execute(sql.raw(text));

const t0 = performance.now();
await exec(`INSERT INTO regions (name, code) SELECT '基准县' || r, 'BRESP' || r FROM generate_series(2, ${regions}) r`);
await exec(`INSERT INTO units (region_id, code, name, short_name, type, sort_order)
  SELECT r.id, 'LDR', '县级领导', '县级领导', 'department', 0 FROM regions r WHERE r.code LIKE 'BRESP%'
  UNION ALL
  SELECT r.id, 'G' || k, '单位' || k, '单位' || k, 'department', k
  FROM regions r CROSS JOIN generate_series(1, 500) k WHERE r.code LIKE 'BRESP%'`);
await exec(`INSERT INTO people (region_id, unit_id, name, gender, post, rank, is_leader)
  SELECT u.region_id, u.id, '领导' || i, '男', '副县长', '副处级', true
  FROM units u CROSS JOIN generate_series(1, 30) i WHERE u.code = 'LDR'`);
await exec(`UPDATE units u SET leader_in_charge_person_id = p.id
  FROM units l JOIN people p ON p.unit_id = l.id
  WHERE l.code = 'LDR' AND l.region_id = u.region_id AND u.code ~ '^G[0-9]+$'
    AND p.name = '领导' || (1 + substring(u.code FROM 2)::int % 30)`);
await exec(`INSERT INTO responsibility_items (region_id, subject_kind, category, content, target, evidence, frequency,
    sort_order)
  SELECT r.id, c.subject_kind, c.category, c.content, c.target, c.evidence, c.frequency, c.sort_order
  FROM responsibility_items c JOIN regions d ON d.id = c.region_id AND d.code = 'DEMO'
  CROSS JOIN regions r WHERE r.code LIKE 'BRESP%'`);
await exec('ANALYZE');
const datasetSeconds = ((performance.now() - t0) / 1000).toFixed(1);

const ids = rowsOf<{ id: string }>(
  await db.execute(sql`SELECT id FROM regions WHERE code = 'DEMO' OR code LIKE 'BRESP%' ORDER BY code`),
).map((r) => r.id);
const year = demo.clock.now().getFullYear() + 1; // the demo has this year's lists
const office = (regionId: string, tx: typeof db) => officeCtx(demo, regionId, tx);

/** Runs `work` once per county; wall ms per county (p50, max), total seconds and CPU ms per county. */
async function perRegion(label: string, work: (regionId: string) => Promise<unknown>) {
  const times: number[] = [];
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const id of ids) {
    const t = performance.now();
    await work(id);
    times.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  return {
    label,
    total: ((performance.now() - start) / 1000).toFixed(2),
    p50: times[Math.floor(times.length / 2)].toFixed(1),
    max: (times.at(-1) as number).toFixed(1),
    cpu: ((used.user + used.system) / 1000 / ids.length).toFixed(1),
  };
}

const rows: Awaited<ReturnType<typeof perRegion>>[] = [
  await perRegion('季度派单 for every county leader (generateQuarter)', (regionId) =>
    db.transaction((tx) => generateQuarter(office(regionId, tx), { year, quarter: 1, subjectKind: 'member' })),
  ),
  await perRegion('the year’s figures (responsibilityFigures)', (regionId) =>
    responsibilityFigures(office(regionId, db), year),
  ),
  await perRegion('年终汇总 (responsibilityYearEnd)', (regionId) => responsibilityYearEnd(office(regionId, db), year)),
];
// The numbering alone, side by side: the quarter's sheets of a county in one counter step (issueDocuments) or one
// by one (issueDocument, what a per-list loop would do). Each run is rolled back, so both number the same lists.
const listsOf = async (regionId: string) =>
  rowsOf<{ id: string }>(
    await db.execute(
      sql`SELECT id FROM dispatches WHERE region_id = ${regionId} AND year = ${year} AND quarter = 1 ORDER BY code`,
    ),
  ).map((r) => r.id);
const rolledBack = async (lists: string[], work: (tx: typeof db) => Promise<unknown>) => {
  try {
    await db.transaction(async (tx) => {
      await tx.execute(
        sql`DELETE FROM issued_documents WHERE kind = 'dispatch_sheet' AND object_id = ANY(${`{${lists.join(',')}}`}::uuid[])`,
      );
      await work(tx);
      tx.rollback();
    });
  } catch (e) {
    if (!(e instanceof TransactionRollbackError)) throw e;
  }
};
rows.push(
  await perRegion('numbering only, one step (issueDocuments)', async (regionId) => {
    const lists = await listsOf(regionId);
    await rolledBack(lists, (tx) => DISPATCH_SHEET.issueAll(office(regionId, tx), regionId, lists));
  }),
  await perRegion('numbering only, one by one (issueDocument per list)', async (regionId) => {
    const lists = await listsOf(regionId);
    await rolledBack(lists, async (tx) => {
      for (const id of lists) await DISPATCH_SHEET.issue(office(regionId, tx), { id, regionId });
    });
  }),
);
const [made] = rowsOf<{ lists: number; items: number; sheets: number }>(
  await db.execute(sql`SELECT (SELECT count(*) FROM dispatches WHERE year = ${year})::int AS lists,
    (SELECT count(*) FROM dispatch_items i JOIN dispatches d ON d.id = i.dispatch_id WHERE d.year = ${year})::int AS items,
    (SELECT count(*) FROM issued_documents x JOIN dispatches d ON d.id = x.object_id
      WHERE x.kind = 'dispatch_sheet' AND d.year = ${year})::int AS sheets`),
);

console.log(
  `${ids.length} counties on ${pg ? 'PostgreSQL' : 'PGlite'} (dataset ${datasetSeconds} s); ${made.lists} lists, ` +
    `${made.items} items, ${made.sheets} numbered sheets; load before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, ` +
    `after ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${os.cpus().length} cores`,
);
console.log('| step | total s | p50 ms / county | max ms | CPU ms / county (Node) |\n|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.label} | ${r.total} | ${r.p50} | ${r.max} | ${r.cpu} |`);
await demo.close();
