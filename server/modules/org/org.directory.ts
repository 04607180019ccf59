import { QueryBuilder } from 'drizzle-orm/pg-core';
import { people, units } from './org.tables.js';

/**
 * Org's published read model: the columns of units and people that other modules' repositories may join in
 * their set-based queries (names on list pages, the people who answer for a risk). Other modules import this
 * file, never org.tables.ts, so org can change its tables behind it. Each function returns a subquery under the
 * caller's alias (usable in Drizzle joins and in `sql` templates); PostgreSQL flattens it into a plain join.
 * See docs/decisions/006-published-read-models.md.
 */
const qb = new QueryBuilder();

/** Units with their principal and liaison (soft-deleted ones included: rows that reference them keep their names). */
export const unitDirectory = <A extends string>(alias: A) =>
  qb
    .select({
      id: units.id,
      regionId: units.regionId,
      code: units.code,
      name: units.name,
      shortName: units.shortName,
      type: units.type,
      principalPersonId: units.principalPersonId,
      liaisonPersonId: units.liaisonPersonId,
      leaderInChargePersonId: units.leaderInChargePersonId,
      deletedAt: units.deletedAt,
    })
    .from(units)
    .as(alias);

/** People; `deletedAt` for the callers that must skip people who have left. */
export const personDirectory = <A extends string>(alias: A) =>
  qb
    .select({
      id: people.id,
      regionId: people.regionId,
      unitId: people.unitId,
      name: people.name,
      post: people.post,
      /** 是否班子成员: the leadership members who sign the year's commitment (明责). */
      isLeader: people.isLeader,
      deletedAt: people.deletedAt,
    })
    .from(people)
    .as(alias);

/** The region's issuing offices (发文机关) with abbreviations and signatures, for documents. */
export {
  type DocumentKind,
  documentKind,
  documentStamp,
  issueAs,
  type RegionIssuer,
  type RegionIssuers,
  regionIssuers,
} from './org.issuers.js';
