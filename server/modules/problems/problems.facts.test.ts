import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/client.js';
import { type TestApp, createTestApp } from '../../test/harness.js';
import { factsSql } from './problems.facts.js';

/**
 * The facts the warning rules read, for the two that come from outside the problem row: overdue measures (counted
 * from the open measures' deadlines the problem row carries, kept by triggers) and copied progress reports.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const TODAY = '2026-12-04';

async function overdueMeasures() {
  const db = t.database.db;
  const facts = rowsOf<{ problem_id: string; overdue_measures: number }>(
    await db.execute(factsSql(['overdue_measures'], { today: TODAY })),
  );
  // Counted directly from the measures, as the facts meant before the problem row carried them.
  const counted = rowsOf<{ problem_id: string; n: number }>(
    await db.execute(sql`SELECT p.id AS problem_id,
        (SELECT count(*)::int FROM problem_measures m WHERE m.problem_id = p.id AND NOT m.done AND m.deadline < ${TODAY}::date) AS n
      FROM problems p WHERE p.deleted_at IS NULL AND p.state IN ('dispatched', 'rectifying', 'close_requested')`),
  );
  return { facts: new Map(facts.map((f) => [f.problem_id, f.overdue_measures])), counted };
}

async function expectCountsAgree() {
  const { facts, counted } = await overdueMeasures();
  expect(facts.size).toBe(counted.length);
  for (const c of counted) expect([c.problem_id, facts.get(c.problem_id)]).toEqual([c.problem_id, c.n]);
  return counted;
}

describe('overdue_measures', () => {
  it('counts the open measures past their deadline, for every open problem, through inserts, updates and deletes', async () => {
    const db = t.database.db;
    const before = await expectCountsAgree();
    expect(before.length).toBeGreaterThan(10);
    const [p] = rowsOf<{ id: string }>(
      await db.execute(
        sql`SELECT id FROM problems WHERE state = 'rectifying' AND deleted_at IS NULL ORDER BY code LIMIT 1`,
      ),
    );
    const next = rowsOf<{ seq: number }>(
      await db.execute(sql`SELECT COALESCE(max(seq), 0) + 1 AS seq FROM problem_measures WHERE problem_id = ${p.id}`),
    )[0].seq;
    // Three measures in one statement: two overdue (one of them due yesterday), one due today (not overdue).
    await db.execute(sql`INSERT INTO problem_measures (problem_id, seq, content, deadline_type, deadline, done) VALUES
      (${p.id}, ${next}, '甲', 'date', '2026-11-30', false),
      (${p.id}, ${next + 1}, '乙', 'date', '2026-12-03', false),
      (${p.id}, ${next + 2}, '丙', 'date', ${TODAY}, false)`);
    const afterInsert = await expectCountsAgree();
    const was = before.find((c) => c.problem_id === p.id)?.n ?? 0;
    expect(afterInsert.find((c) => c.problem_id === p.id)?.n).toBe(was + 2);

    await db.execute(sql`UPDATE problem_measures SET done = true WHERE problem_id = ${p.id} AND content = '甲'`);
    await expectCountsAgree();
    await db.execute(
      sql`UPDATE problem_measures SET deadline = '2026-12-01' WHERE problem_id = ${p.id} AND content = '丙'`,
    );
    await expectCountsAgree();
    await db.execute(sql`DELETE FROM problem_measures WHERE problem_id = ${p.id} AND content IN ('乙', '丙')`);
    const afterDelete = await expectCountsAgree();
    expect(afterDelete.find((c) => c.problem_id === p.id)?.n).toBe(was);
    await db.execute(sql`DELETE FROM problem_measures WHERE problem_id = ${p.id} AND content = '甲'`);

    // The row carries the open deadlines in ascending order (what the binary search needs).
    const rows = rowsOf<{ sorted: boolean }>(
      await db.execute(sql`SELECT p.open_measure_deadlines = COALESCE((SELECT array_agg(m.deadline ORDER BY m.deadline)
          FROM problem_measures m WHERE m.problem_id = p.id AND NOT m.done), '{}') AS sorted FROM problems p`),
    );
    expect(rows.every((r) => r.sorted)).toBe(true);
  });
});

describe('report_similarity', () => {
  it('is the bigram Jaccard similarity of the last two progress reports', async () => {
    const db = t.database.db;
    const similarity = async (a: string, b: string) =>
      Number(rowsOf<{ s: string }>(await db.execute(sql`SELECT zelian_bigram_similarity(${a}, ${b}) AS s`))[0].s);
    expect(await similarity('已完成排查整改', '已完成排查整改')).toBe(1);
    expect(await similarity('已完成排查', '正在推进中')).toBe(0);
    // 已完 完成 成排 排查 against 已完 完成 成整 整改: 2 shared of 6.
    expect(await similarity('已完成排查', '已完成整改')).toBe(0.333);

    const [p] = rowsOf<{ id: string }>(
      await db.execute(
        sql`SELECT id FROM problems WHERE state = 'rectifying' AND deleted_at IS NULL ORDER BY code LIMIT 1`,
      ),
    );
    await db.execute(sql`INSERT INTO problem_events (problem_id, type, actor_name, at, payload) VALUES
      (${p.id}, 'report_progress', '测试', '2030-01-01T01:00:00Z', '{"progress": "已完成排查整改"}'),
      (${p.id}, 'report_progress', '测试', '2030-01-01T02:00:00Z', '{"progress": "已完成排查整改工作"}')`);
    const [row] = rowsOf<{ report_similarity: string }>(
      await db.execute(factsSql(['report_similarity'], { today: TODAY, problemId: p.id })),
    );
    // 6 bigrams of the first report, all among the 8 of the second.
    expect(Number(row.report_similarity)).toBe(0.75);
  });
});
