import { customType, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column helpers: every editable record carries an optimistic-lock `version`. */
export const id = () => uuid('id').primaryKey().defaultRandom();
export const version = () => integer('version').notNull().default(1);
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const deletedAt = () => timestamp('deleted_at', { withTimezone: true, mode: 'date' });
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Binary content (evidence files), returned as a Buffer by both drivers. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});
