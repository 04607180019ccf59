import { customType, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column helpers: every editable record carries an optimistic-lock `version`. */
export const id = () => uuid('id').primaryKey().defaultRandom();
export const version = () => integer('version').notNull().default(1);
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const deletedAt = () => timestamp('deleted_at', { withTimezone: true, mode: 'date' });
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** An editable record's optimistic-lock version and when it was made and last changed (see versioned.ts). */
export const versionedColumns = () => ({ version: version(), createdAt: createdAt(), updatedAt: updatedAt() });

/** Binary content (evidence files), returned as a Buffer by both drivers. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** The timeline columns every `*_events` table shares: what the transition engine's EventRecord writes. */
export const eventColumns = () => ({
  type: text('type').notNull(),
  fromState: text('from_state'),
  toState: text('to_state'),
  actorUserId: uuid('actor_user_id'),
  actorName: text('actor_name').notNull(),
  at: tstz('at').notNull(),
  comment: text('comment').notNull().default(''),
});

/** A stored file (evidence, minutes), kept in the database so every instance serves it. */
export const fileColumns = () => ({
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by'),
  createdAt: createdAt(),
});
