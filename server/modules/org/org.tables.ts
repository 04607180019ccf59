import { boolean, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { GROUP_KINDS, UNIT_TYPES } from '../../../common/org.js';
import { deletedAt, id, updatedAt, versionedColumns } from '../../platform/db/columns.js';

export const units = pgTable(
  'units',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    shortName: text('short_name').notNull().default(''),
    code: text('code').notNull(),
    type: text('type', { enum: UNIT_TYPES }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    principalPersonId: uuid('principal_person_id'),
    liaisonPersonId: uuid('liaison_person_id'),
    leaderInChargePersonId: uuid('leader_in_charge_person_id'),
    ...versionedColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [uniqueIndex('units_region_code_uniq').on(t.regionId, t.code), index('units_parent_idx').on(t.parentId)],
);

/** 班子成员 of a unit. */
export const unitMembers = pgTable(
  'unit_members',
  {
    unitId: uuid('unit_id').notNull(),
    personId: uuid('person_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.personId] })],
);

export const people = pgTable(
  'people',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['男', '女'] }),
    post: text('post').notNull().default(''),
    rank: text('rank').notNull().default(''),
    partyMember: boolean('party_member').notNull().default(true),
    isLeader: boolean('is_leader').notNull().default(false),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    ...versionedColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [index('people_unit_idx').on(t.unitId), index('people_region_idx').on(t.regionId)],
);

/** History of posts (任职经历); the open row (to is null) is the current post. */
export const personPosts = pgTable(
  'person_posts',
  {
    id: id(),
    personId: uuid('person_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    post: text('post').notNull(),
    from: date('from', { mode: 'string' }).notNull(),
    to: date('to', { mode: 'string' }),
  },
  (t) => [index('person_posts_person_idx').on(t.personId)],
);

/** Supervision-patrol groups, dispatched discipline groups and joint-meeting memberships. */
export const groups = pgTable('groups', {
  id: id(),
  regionId: uuid('region_id').notNull(),
  kind: text('kind', { enum: GROUP_KINDS }).notNull(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  leaderPersonId: uuid('leader_person_id'),
  ...versionedColumns(),
  deletedAt: deletedAt(),
});

export const groupMembers = pgTable(
  'group_members',
  { groupId: uuid('group_id').notNull(), personId: uuid('person_id').notNull() },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] })],
);

/** Units a group oversees (patrol coverage, dispatched-group supervision). */
export const groupUnits = pgTable(
  'group_units',
  { groupId: uuid('group_id').notNull(), unitId: uuid('unit_id').notNull() },
  (t) => [primaryKey({ columns: [t.groupId, t.unitId] }), index('group_units_unit_idx').on(t.unitId)],
);

/**
 * The region's issuing offices (发文机关): full name for the red header, abbreviation (机关代字) for the 发文字号,
 * the signature (落款) and the short name used in running text. A region without a row for a code uses the
 * defaults derived from its name (org.issuers.ts).
 */
export const issuers = pgTable(
  'issuers',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    abbreviation: text('abbreviation').notNull(),
    signature: text('signature').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('issuers_region_code_uniq').on(t.regionId, t.code)],
);
