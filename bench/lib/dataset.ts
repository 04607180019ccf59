/**
 * The one benchmark dataset generator (issue #7). Set-based: every table is filled by a few
 * INSERT … SELECT generate_series statements, on a database migrated and seeded exactly like
 * production (migrations, then the demo county with its accounts and situations).
 *
 * Scales (SPEC §6): each region is a county of 500 units, 5,000 people and 50,000 problems
 * (1.5 measures and 4 events per problem on average, warnings on ~10% of open problems). The demo
 * county is region 1, so its accounts see a full county at every scale.
 *   county   =   1 region,    500 units,    5,000 people,    50,000 problems
 *   city     =  10 regions,  5,000 units,   50,000 people,   500,000 problems
 *   province = 100 regions, 50,000 units,  500,000 people, 5,000,000 problems, 20,000,000 events
 */
import type { Database } from '../../server/platform/db/client.js';

export const SCALES = {
  county: { regions: 1 },
  city: { regions: 10 },
  province: { regions: 100 },
} as const;
export type Scale = keyof typeof SCALES;
export const PER_REGION = { units: 500, people: 5000, problems: 50_000 };

/** Tables whose secondary indexes are dropped during the load and rebuilt after it (same definitions). */
const BULK_TABLES = ['units', 'people', 'problems', 'problem_measures', 'problem_events', 'warnings'];

type Log = (msg: string) => void;
type Run = (text: string, params?: unknown[]) => Promise<{ rows: unknown[] }>;

async function timed(log: Log, label: string, fn: () => Promise<unknown>) {
  const t0 = performance.now();
  await fn();
  log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** Chinese words the titles are made of, so that search terms match realistic shares of problems. */
const TOPICS = [
  '自建房安全',
  '廉政风险',
  '营商环境',
  '安全生产',
  '耕地保护',
  '农村饮水',
  '城市管理',
  '作风建设',
  '招投标',
  '惠民资金',
];
const DEFECTS = [
  '排查不彻底',
  '整改不到位',
  '台账不规范',
  '责任未压实',
  '制度执行不严',
  '问题反弹',
  '进度滞后',
  '底数不清',
];
const CATEGORIES = ['安全生产', '营商环境', '项目推进', '作风建设', '民生', '生态环境'];
const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;

export interface DatasetCounts {
  regions: number;
  units: number;
  people: number;
  problems: number;
  openProblems: number;
  measures: number;
  events: number;
  warnings: number;
}

export async function counts(database: Database): Promise<DatasetCounts> {
  const { rows } = await database.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM regions)::int AS regions, (SELECT count(*) FROM units)::int AS units,
       (SELECT count(*) FROM people)::int AS people, (SELECT count(*) FROM problems)::int AS problems,
       (SELECT count(*) FROM problems WHERE state IN ('dispatched','rectifying','close_requested'))::int AS "openProblems",
       (SELECT count(*) FROM problem_measures)::int AS measures, (SELECT count(*) FROM problem_events)::int AS events,
       (SELECT count(*) FROM warnings)::int AS warnings`,
  );
  return rows[0] as unknown as DatasetCounts;
}

/**
 * Fills a migrated and seeded database (demo county present) up to the scale. Problems are dated
 * relative to today: ~15% closed, ~5% overdue, ~90% reported progress within two weeks.
 */
export async function generateDataset(database: Database, scale: Scale, log: Log = console.log): Promise<void> {
  // PostgreSQL: two sessions (the two cores) share the big statements; PGlite has one connection.
  const conns = database.pool ? [await database.pool.connect(), await database.pool.connect()] : [];
  try {
    const runners: Run[] = conns.length
      ? conns.map((c) => (text: string, params?: unknown[]) => c.query(text, params))
      : [(text, params) => database.query(text, params)];
    for (const run of conns.length ? runners : []) {
      await run(`SET maintenance_work_mem = '512MB'`);
      await run(`SET work_mem = '64MB'`);
      await run('SET synchronous_commit = off');
    }
    await load(runners, SCALES[scale].regions, log);
  } finally {
    for (const c of conns) c.release();
  }
}

/** Runs the statements on all sessions at once, each session taking the next statement when free. */
async function parallel(runners: Run[], statements: string[]) {
  const queue = [...statements];
  await Promise.all(
    runners.map(async (run) => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await run(next);
    }),
  );
}

async function load(runners: Run[], R: number, log: Log) {
  const run = runners[0];
  const q = (text: string) => run(text);
  const W = runners.length;
  /** `AND <one W-th of the rows>` for session w, so W sessions split one big statement. */
  const share = (col: string, w: number) => (W === 1 ? '' : `AND abs(hashtext(${col}::text)) % ${W} = ${w}`);

  // Secondary indexes are rebuilt once at the end: far cheaper than maintaining them row by row.
  const { rows: indexes } = (await run(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1) AND NOT x.indisprimary AND NOT x.indisunique`,
    [BULK_TABLES],
  )) as { rows: { name: string; def: string }[] };
  for (const ix of indexes) await q(`DROP INDEX "${ix.name}"`);

  await timed(log, `regions (${R})`, () =>
    q(`INSERT INTO regions (name, code)
       SELECT '基准' || (ARRAY['东','西','南','北','中'])[1 + r % 5] || '县' || r, 'BENCH' || r FROM generate_series(2, ${R}) r`),
  );
  await q('DROP TABLE IF EXISTS bench_regions');
  await q(`CREATE UNLOGGED TABLE bench_regions AS
    SELECT row_number() OVER (ORDER BY (code <> 'DEMO'), code) AS rn, id FROM regions WHERE code = 'DEMO' OR code LIKE 'BENCH%'`);
  // The demo county's situations, copied to every new region, so the warning scan covers all of them.
  await q(`INSERT INTO situations (region_id, code, name, description, article, responsible_roles, forms, rectify_days,
      rectify_day_type, rule, active)
    SELECT r.id, s.code, s.name, s.description, s.article, s.responsible_roles, s.forms, s.rectify_days,
      s.rectify_day_type, s.rule, s.active
    FROM situations s JOIN regions d ON d.id = s.region_id AND d.code = 'DEMO'
    CROSS JOIN bench_regions r WHERE r.rn > 1`);

  await timed(log, `units (${R * PER_REGION.units})`, () =>
    q(`INSERT INTO units (region_id, code, name, short_name, type, sort_order)
       SELECT r.id, 'G' || k, (ARRAY['县','区','镇','街道'])[1 + k % 4] || (ARRAY['住建','应急','自然资源','农业农村','市场监管','教育','卫健','交通'])[1 + k % 8] || '单位' || k,
         '单位' || k, CASE WHEN k % 3 = 0 THEN 'township' ELSE 'department' END, 1000 + k
       FROM bench_regions r CROSS JOIN generate_series(1, ${PER_REGION.units}) k`),
  );
  const perUnit = PER_REGION.people / PER_REGION.units;
  await timed(log, `people (${R * PER_REGION.people})`, () =>
    q(`INSERT INTO people (region_id, unit_id, name, gender, post, rank, is_leader)
       SELECT u.region_id, u.id,
         (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙'])[1 + abs(hashtext(u.id::text || 's' || i)) % 12]
           || (ARRAY['建国','海燕','志强','丽华','文博','晓东','春梅','国庆','思远','雪莲'])[1 + abs(hashtext(u.id::text || i)) % 10],
         CASE WHEN i % 2 = 0 THEN '男' ELSE '女' END,
         CASE i WHEN 1 THEN '主要负责人' WHEN 2 THEN '分管负责人' WHEN 3 THEN '联络员' ELSE '科员' END,
         CASE WHEN i <= 2 THEN '科级' ELSE '' END, i <= 2
       FROM units u CROSS JOIN generate_series(1, ${perUnit}) i WHERE u.code LIKE 'G%'`),
  );
  await q('ANALYZE units');
  await q('ANALYZE people');
  await timed(log, 'unit principals', () =>
    q(`UPDATE units u SET principal_person_id = p1.id, leader_in_charge_person_id = p2.id, liaison_person_id = p3.id
       FROM people p1, people p2, people p3
       WHERE u.code LIKE 'G%' AND p1.unit_id = u.id AND p1.post = '主要负责人' AND p2.unit_id = u.id
         AND p2.post = '分管负责人' AND p3.unit_id = u.id AND p3.post = '联络员'`),
  );
  // Numbered units per region (the demo county's own units included), so problems spread over all of them.
  await q('DROP TABLE IF EXISTS bench_units');
  await q(`CREATE UNLOGGED TABLE bench_units AS
    SELECT u.region_id, row_number() OVER (PARTITION BY u.region_id ORDER BY u.code) - 1 AS k, u.id,
      u.principal_person_id, u.leader_in_charge_person_id
    FROM units u JOIN bench_regions r ON r.id = u.region_id WHERE u.type IN ('department', 'township')`);
  await q('DROP TABLE IF EXISTS bench_unit_counts');
  await q(
    'CREATE UNLOGGED TABLE bench_unit_counts AS SELECT region_id, count(*) AS n FROM bench_units GROUP BY region_id',
  );
  await q('CREATE INDEX ON bench_units (region_id, k)');
  await q('ANALYZE bench_units');

  // Problems in chunks of regions, shared by the sessions.
  const chunk = W > 1 ? 5 : 1;
  const problems: string[] = [];
  for (let from = 1; from <= R; from += chunk) {
    const to = Math.min(R, from + chunk - 1);
    problems.push(`INSERT INTO problems (region_id, code, title, description, source, category, severity, unit_id,
        responsible_person_id, leader_person_id, state, close_stage, deadline, color, urgent, reopen_count,
        dispatched_at, received_at, last_progress_at, closed_at, created_at)
      SELECT r.id, 'G' || lpad(g::text, 6, '0'),
        pre.t || (${arr(TOPICS)})[1 + g % ${TOPICS.length}] || (${arr(DEFECTS)})[1 + (g / 7) % ${DEFECTS.length}],
        '督查发现' || (${arr(TOPICS)})[1 + (g / 3) % ${TOPICS.length}] || '方面存在' || (${arr(DEFECTS)})[1 + g % ${DEFECTS.length}] || '的问题，需限期整改。',
        (ARRAY['daily','special','patrol','inspection','audit','complaint','case','inquiry'])[1 + g % 8],
        (${arr(CATEGORIES)})[1 + g % ${CATEGORIES.length}],
        (ARRAY['general','general','serious','critical'])[1 + g % 4],
        u.id, u.principal_person_id, u.leader_in_charge_person_id,
        st.state, CASE WHEN st.state = 'close_requested' THEN 'unit_head' END,
        CASE WHEN g % 20 = 0 THEN current_date - (g % 30) ELSE current_date + (g % 120) + 1 END,
        CASE WHEN st.state = 'closed' THEN NULL WHEN g % 20 = 0 THEN 'red' WHEN g % 9 = 0 THEN 'yellow' WHEN g % 7 = 0 THEN 'blue' END,
        g % 50 = 0, (g % 97 = 0)::int,
        now() - ((g % 180) || ' days')::interval, now() - ((g % 179) || ' days')::interval,
        CASE WHEN g % 10 = 0 THEN NULL ELSE now() - ((g % 14) || ' days')::interval END,
        CASE WHEN st.state = 'closed' THEN now() - ((g % 60) || ' days')::interval END,
        now() - ((g % 200) || ' days')::interval - (g || ' seconds')::interval
      FROM bench_regions r
      JOIN bench_unit_counts c ON c.region_id = r.id
      CROSS JOIN generate_series(1, ${PER_REGION.problems}) g
      JOIN bench_units u ON u.region_id = r.id AND u.k = g % c.n
      CROSS JOIN LATERAL (SELECT (ARRAY['dispatched','rectifying','rectifying','rectifying','close_requested','closed','rectifying'])[1 + g % 7] AS state) st
      CROSS JOIN LATERAL (SELECT (ARRAY['','','县','镇'])[1 + g % 4] AS t) pre
      WHERE r.rn BETWEEN ${from} AND ${to}`);
  }
  await timed(log, `problems (${R * PER_REGION.problems}, ${W} sessions)`, () => parallel(runners, problems));

  const measures = (
    w: number,
  ) => `INSERT INTO problem_measures (problem_id, seq, content, owner_person_id, deadline_type,
      deadline_days, deadline, done, done_at, progress, last_report_at)
    SELECT p.id, s, CASE s WHEN 1 THEN '全面排查，建立问题台账' ELSE '完善制度，举一反三' END, p.responsible_person_id,
      CASE WHEN s = 1 THEN 'working' ELSE 'date' END, CASE WHEN s = 1 THEN 20 END,
      p.deadline - (2 - s) * 10, p.state = 'closed' OR (s = 1 AND p.last_progress_at IS NOT NULL AND hashtext(p.code) % 3 = 0),
      CASE WHEN p.state = 'closed' THEN p.closed_at END, CASE WHEN p.last_progress_at IS NULL THEN '' ELSE '已完成阶段性整改' END,
      p.last_progress_at
    FROM problems p CROSS JOIN generate_series(1, 2) s
    WHERE p.code LIKE 'G%' AND (s = 1 OR hashtext(p.code) % 2 = 0) ${share('p.id', w)}`;
  // The open-deadlines triggers (migration 0043) look up each changed problem's measures through an index that is
  // dropped while loading: with them on, every problem of the statement scans all measures (8 minutes at county
  // scale instead of seconds). They are off for the load and the column is filled once, as the migration does.
  const deadlineTriggers = ['ins', 'upd', 'del'].map((op) => `problem_measures_open_deadlines_${op}`);
  for (const t of deadlineTriggers) await q(`ALTER TABLE problem_measures DISABLE TRIGGER ${t}`);
  await timed(log, 'measures', async () => {
    await parallel(
      runners,
      runners.map((_, w) => measures(w)),
    );
    await q(`UPDATE problems p SET open_measure_deadlines = d.deadlines
      FROM (SELECT problem_id, array_agg(deadline ORDER BY deadline) AS deadlines FROM problem_measures WHERE NOT done
        GROUP BY problem_id) d
      WHERE p.id = d.problem_id`);
  });
  for (const t of deadlineTriggers) await q(`ALTER TABLE problem_measures ENABLE TRIGGER ${t}`);

  const events = (
    w: number,
  ) => `INSERT INTO problem_events (problem_id, type, from_state, to_state, actor_name, at, comment)
    SELECT p.id, e.type, e.from_state, e.to_state, e.actor, p.dispatched_at + (e.n || ' days')::interval, e.comment
    FROM problems p
    CROSS JOIN (VALUES (0, 'dispatch', 'draft', 'dispatched', '县纪委监委监督室', '请按期整改'),
                       (1, 'receive', 'dispatched', 'rectifying', '单位联络员', ''),
                       (5, 'report_progress', NULL, NULL, '单位联络员', '已完成阶段性整改'),
                       (9, 'report_progress', NULL, NULL, '单位联络员', '持续推进')) e(n, type, from_state, to_state, actor, comment)
    WHERE p.code LIKE 'G%' ${share('p.id', w)}`;
  await timed(log, 'events (4 per problem)', () =>
    parallel(
      runners,
      runners.map((_, w) => events(w)),
    ),
  );

  const warnings = (
    w: number,
  ) => `INSERT INTO warnings (region_id, code, situation_id, problem_id, unit_id, leader_person_id,
      fingerprint, state, facts, people, deadline, first_seen_at, last_seen_at, issued_at)
    SELECT p.region_id, 'GW' || p.code || '-' || s.code, s.id, p.id, p.unit_id, p.leader_person_id, s.id || ':' || p.id,
      (ARRAY['pending_review','issued','answered','pending_review'])[1 + abs(hashtext(p.code)) % 4],
      jsonb_build_object('overdueDays', current_date - p.deadline), '[]'::jsonb, current_date + 10,
      now() - interval '3 days', now(), CASE WHEN hashtext(p.code) % 2 = 0 THEN now() - interval '2 days' END
    FROM problems p
    JOIN LATERAL (SELECT id, code FROM situations WHERE region_id = p.region_id ORDER BY code
                  OFFSET abs(hashtext(p.code)) % 3 LIMIT 1) s ON true
    WHERE p.code LIKE 'G%' AND p.state <> 'closed' AND (p.deadline < current_date OR p.last_progress_at IS NULL)
      ${share('p.id', w)}`;
  await timed(log, 'warnings', () =>
    parallel(
      runners,
      runners.map((_, w) => warnings(w)),
    ),
  );
  await timed(log, `rebuild ${indexes.length} indexes`, () =>
    parallel(
      runners,
      indexes.map((ix) => ix.def),
    ),
  );
  // What autovacuum does to a bulk-loaded table in production: statistics, and the visibility map that lets
  // counts run as index-only scans (without it the ledger's count reads the heap: 22 ms instead of 4 ms).
  await timed(log, 'vacuum analyze', () => q('VACUUM (ANALYZE)'));
  for (const t of ['bench_units', 'bench_unit_counts', 'bench_regions']) await q(`DROP TABLE ${t}`);
}

/**
 * Focused datasets of the single-purpose scripts, on the demo county (same generator module, so
 * there is one place that knows how benchmark rows are made).
 */
export async function loadLedgerCopies(database: Database, n: number): Promise<void> {
  // Copies of the demo problems with fresh ids and codes, spread over units, states and deadlines.
  await database.query(`
    INSERT INTO problems (region_id, code, title, description, source, category, severity, unit_id, responsible_person_id,
      leader_person_id, state, deadline, color, dispatched_at)
    SELECT p.region_id, 'B' || g, p.title || '（' || g || '）', p.description, p.source, p.category, p.severity,
      u.id, u.principal_person_id, u.leader_in_charge_person_id,
      (ARRAY['dispatched','rectifying','rectifying','close_requested','closed'])[1 + g % 5],
      current_date + ((g % 120) - 60), (ARRAY['blue','yellow','red',NULL])[1 + g % 4], now()
    FROM generate_series(1, ${n}) AS g
    JOIN (SELECT row_number() OVER (ORDER BY code) - 1 AS k, * FROM problems) p ON p.k = g % 300
    JOIN (SELECT row_number() OVER (ORDER BY code) - 1 AS k, * FROM units WHERE type IN ('department', 'township')) u
      ON u.k = g % 40`);
  await database.query('ANALYZE');
}

/**
 * `n` open problems over 40 demo units with one measure each, for the warning scan. `worst`: every
 * problem stale and most overdue (most rules fire on most problems); otherwise a working county where
 * ~5% are overdue and most report progress within a fortnight.
 */
export async function loadOpenProblems(database: Database, n: number, worst: boolean): Promise<void> {
  await database.query(`
    INSERT INTO problems (region_id, code, title, source, category, severity, unit_id, responsible_person_id,
      leader_person_id, state, deadline, open_measure_deadlines, urgent, reopen_count, co_unit_ids, lead_unit_confirmed,
      dispatched_at, received_at, last_progress_at)
    SELECT u.region_id, 'S' || g, '问题' || g, 'daily',
      (ARRAY['安全生产','营商环境','项目推进','作风建设','民生'])[1 + g % 5],
      (ARRAY['general','serious','critical'])[1 + g % 3], u.id, u.principal_person_id, u.leader_in_charge_person_id,
      (ARRAY['dispatched','rectifying','rectifying','close_requested'])[1 + g % 4],
      -- The one measure's deadline, carried on the row as the trigger would set it (so loading updates no problem).
      dl.d, ARRAY[dl.d], g % 50 = 0, (g % 97 = 0)::int,
      CASE WHEN g % 61 = 0 THEN ARRAY[u.id] ELSE '{}'::uuid[] END, g % 61 <> 0,
      now() - ((g % 90) || ' days')::interval, now() - ((g % 89) || ' days')::interval,
      CASE WHEN ${worst} OR g % 10 = 0 THEN NULL ELSE now() - ((g % 14) || ' days')::interval END
    FROM generate_series(1, ${n}) AS g
    CROSS JOIN LATERAL (SELECT CASE WHEN ${worst} THEN current_date + ((g % 200) - 100) WHEN g % 20 = 0
      THEN current_date - (g % 30) ELSE current_date + (g % 120) + 1 END AS d) dl
    JOIN (SELECT row_number() OVER (ORDER BY code) - 1 AS k, * FROM units WHERE type IN ('department', 'township')) u
      ON u.k = g % 40`);
  await database.query(`
    INSERT INTO problem_measures (problem_id, seq, content, owner_person_id, deadline_type, deadline, done)
    SELECT p.id, 1, '整改', p.responsible_person_id, 'date', p.deadline, false FROM problems p WHERE p.code LIKE 'S%'`);
  await database.query('ANALYZE');
}
