import { type SQL, sql } from 'drizzle-orm';

/**
 * Org's read model for the assessment (SPEC M6, docs/decisions/006): the region's current units (of one type, or
 * all) as (id, type, name), and the number of a unit's current party members (ballots to issue).
 */
export function assessedUnits(regionId: string, unitType: string | null): SQL {
  return sql`(SELECT u.id, u.type, COALESCE(NULLIF(u.short_name, ''), u.name) AS name FROM units u
    WHERE u.region_id = ${regionId} AND u.deleted_at IS NULL
      ${unitType ? sql`AND u.type = ${unitType}` : sql``})`;
}

export function partyMembersOf(unitId: string): SQL {
  return sql`(SELECT count(*)::int AS n FROM people p
    WHERE p.unit_id = ${unitId} AND p.deleted_at IS NULL AND p.party_member)`;
}

/**
 * The leaders a leader system assesses (issue #15), as (id, type, name 姓名（单位职务）, unit_id): the county leaders
 * in charge (分管) of the region's units and the units' principals (一把手) — of units of one type, or all — who
 * have not left.
 * `type` is 'leader' for every one: a leader system ranks its persons together.
 */
export function assessedLeaders(regionId: string, unitType: string | null): SQL {
  return sql`(SELECT p.id, 'leader'::text AS type,
      p.name || '（' || COALESCE(NULLIF(pu.short_name, ''), pu.name, '') || p.post || '）' AS name, p.unit_id
    FROM people p LEFT JOIN units pu ON pu.id = p.unit_id
    WHERE p.deleted_at IS NULL AND p.id IN (
      SELECT x.person_id FROM units u
        CROSS JOIN LATERAL (VALUES (u.principal_person_id), (u.leader_in_charge_person_id)) AS x(person_id)
      WHERE u.region_id = ${regionId} AND u.deleted_at IS NULL AND x.person_id IS NOT NULL
        ${unitType ? sql`AND u.type = ${unitType}` : sql``}))`;
}
