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
