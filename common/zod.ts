import { z } from 'zod';

// Every validation message the user sees is Simplified Chinese.
z.config(z.locales.zhCN());

export const ZId = z.uuid({ message: '编号格式不正确' });
export const ZVersion = z.number({ message: '缺少版本号' }).int().min(0);
/** A real calendar date (no 2026-02-30) in the years the database and the working calendar can hold. */
export const ZDate = z.iso
  .date({ message: '日期格式应为 YYYY-MM-DD，且须为有效日期' })
  .refine((d) => d >= '1900-01-01' && d <= '2199-12-31', '日期超出范围（1900–2199年）');
export const ZPage = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(2000).default(20),
};
export const ZNonEmpty = (label: string, max = 100) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

/**
 * A point in time in a response: a `Date` on the server (drizzle rows), an ISO string on the wire.
 * Raw SQL may already hand over the string, so both pass.
 */
export const ZTimestamp = z.union([z.date(), z.string()]);

/** A page of a list (SPEC 3a): `{ items, total }`. */
export const zPageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/** A response type as the web receives it: what JSON.stringify made of the server's value. */
export type Wire<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** The web's type of a response schema. */
export type Response<S extends z.ZodType> = Wire<z.output<S>>;

/** The keys of a label map (`{ draft: '草稿', … }`), as the non-empty tuple z.enum takes. */
export const keysOf = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** The fields every event row of an object's timeline answers with (its `*_events` table). */
export const eventRowFields = {
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  actorUserId: ZId.nullable(),
  actorName: z.string(),
  at: ZTimestamp,
  comment: z.string(),
};

/** A timeline entry as a detail page lists it: the event's type, that type's label, then the row's fields. */
export const ZLabelledEvent = z.object({ id: z.string(), type: z.string(), label: z.string(), ...eventRowFields });

export { z };

/**
 * A code the database keeps as text (a state, a kind…) in a response: checked against `values`, typed as
 * their union for the web, while the server hands over the column's `string`.
 */
export const zStoredEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values) as unknown as z.ZodType<T[number], string>;

/** A jsonb column in a response: passed through as stored (nothing stripped), typed `T` for the web. */
export const zJson = <T>() => z.unknown() as z.ZodType<T, unknown>;
