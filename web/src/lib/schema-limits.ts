import { z } from '../../../common/zod';

/**
 * The longest text a request schema's field accepts, for an input's `maxLength`: forms take their limits
 * from the schemas the server validates with, so the two cannot drift apart.
 */
export function maxLengthOf(field: z.ZodType): number | undefined {
  let s: z.ZodType = field;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) {
    s = s.unwrap() as z.ZodType;
  }
  return s instanceof z.ZodString ? (s.maxLength ?? undefined) : undefined;
}
