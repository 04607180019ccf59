import { date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, id, tstz } from '../db/columns.js';

/**
 * Issued official documents (发文登记): one row per document that has left the office, with its 发文字号 and
 * 成文日期 fixed at the moment it was issued. A document is issued once (kind, object) and never renumbered.
 */
export const issuedDocuments = pgTable(
  'issued_documents',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    kind: text('kind').notNull(),
    objectType: text('object_type').notNull(),
    objectId: uuid('object_id').notNull(),
    issuerCode: text('issuer_code').notNull(),
    issuerName: text('issuer_name').notNull(),
    signature: text('signature').notNull(),
    abbreviation: text('abbreviation').notNull(),
    year: integer('year').notNull(),
    serial: integer('serial').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuedBy: text('issued_by').notNull(),
    issuedAt: tstz('issued_at').notNull(),
    /** What a document assembled from many objects covered when it was issued (e.g. a 通报's rows). */
    payload: jsonb('payload'),
    /** The .docx as issued (document-copies.ts): every download after issue serves these bytes. */
    copy: bytea('copy'),
    copyName: text('copy_name'),
  },
  (t) => [
    uniqueIndex('issued_documents_number_uniq').on(t.regionId, t.abbreviation, t.year, t.serial),
    uniqueIndex('issued_documents_object_uniq').on(t.kind, t.objectId),
    index('issued_documents_object_idx').on(t.objectId),
  ],
);

/** The last serial given per issuer abbreviation and year; the row lock of its upsert serialises issuers. */
export const documentCounters = pgTable(
  'document_counters',
  {
    regionId: uuid('region_id').notNull(),
    abbreviation: text('abbreviation').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.abbreviation, t.year] })],
);
