import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/client.js';
import { testAppForFile } from '../../test/harness.js';
import { peopleOfRows } from './warnings.rules.js';

/** The accountable people a warning names, worked out for many problems at once (the scan's new warnings). */
const t = testAppForFile();

const ROLES = [
  { who: 'responsible_person', responsibility: '直接责任', duty: '执行责任' },
  { who: 'unit_principal', responsibility: '主要领导责任', duty: '决策责任' },
  { who: 'measure_owner', responsibility: '直接责任', duty: '执行责任' },
  { who: 'county_leader', responsibility: '重要领导责任', duty: '监管责任' },
];

interface ProblemRow {
  problem_id: string;
  unit_id: string;
  responsible_id: string | null;
  leader_id: string | null;
  principal_id: string | null;
  owner_id: string | null;
}

describe('peopleOfRows', () => {
  it('names, for every problem, each person once under the first role that holds them, in role order', async () => {
    const db = t.database.db;
    // Every demo problem, with what each role points at, read column by column.
    const problems = rowsOf<ProblemRow>(
      await db.execute(sql`SELECT p.id AS problem_id, p.unit_id, p.responsible_person_id AS responsible_id,
          p.leader_person_id AS leader_id, u.principal_person_id AS principal_id,
          (SELECT m.owner_person_id FROM problem_measures m WHERE m.problem_id = p.id ORDER BY m.seq LIMIT 1) AS owner_id
        FROM problems p JOIN units u ON u.id = p.unit_id`),
    );
    expect(problems.length).toBeGreaterThan(20);
    // The demo has problems whose responsible person is also the unit head or the measure owner (a duplicate).
    expect(problems.some((p) => p.responsible_id && p.responsible_id === p.principal_id)).toBe(true);
    const people = new Map(
      rowsOf<{ id: string; name: string; post: string | null }>(
        await db.execute(sql`SELECT id, name, post FROM people`),
      ).map((p) => [p.id, p]),
    );

    const rows = rowsOf<{
      problem_id: string;
      people: { personId: string; name: string; post: string | null; who: string }[];
    }>(
      await db.execute(sql`WITH hits AS (SELECT p.id AS problem_id, p.unit_id, p.responsible_person_id AS responsible_id,
          p.leader_person_id AS leader_id FROM problems p)
        ${peopleOfRows(sql`hits`, ROLES)}`),
    );
    const got = new Map(rows.map((r) => [r.problem_id, r.people]));

    for (const p of problems) {
      const byRole = [p.responsible_id, p.principal_id, p.owner_id, p.leader_id];
      const expected: { personId: string; name: string; post: string | null; who: string }[] = [];
      byRole.forEach((id, i) => {
        const person = id ? people.get(id) : undefined;
        if (!person || expected.some((e) => e.personId === id)) return;
        expected.push({ personId: person.id, name: person.name, post: person.post, who: ROLES[i].who });
      });
      const answer = got.get(p.problem_id) ?? [];
      expect(answer.map(({ personId, name, post, who }) => ({ personId, name, post, who }))).toEqual(expected);
      for (const a of answer) {
        const role = ROLES.find((r) => r.who === a.who);
        expect(a).toMatchObject({ responsibility: role?.responsibility, duty: role?.duty });
      }
    }
  });
});
