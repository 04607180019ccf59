import { type SQL, sql } from 'drizzle-orm';
import { chinaDayIn } from '../calendar/calendar.sql.js';

/**
 * The shape of the spans modules publish for the stalls view (梗阻点, server/modules/dashboard): one row per object
 * per link of the chain, `link text, unit_id uuid, started_at timestamptz, ended_at timestamptz (NULL while
 * the object is still in the link), limit_at timestamptz (the module's own deadline, NULL when it keeps none)`.
 * These helpers keep the period and deadline arithmetic the same in every module's read model.
 */

/** The China calendar day of a timestamp column lies in [from, to]. */
export const startedIn = (column: SQL, from: string, to: string) => chinaDayIn(column, from, to);

/** The end (China time) of a deadline day: an object is late from the next midnight on. */
export const endOfDay = (day: SQL) => sql`((${day} + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
