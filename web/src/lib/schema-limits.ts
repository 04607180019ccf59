import type { FormRule } from 'antd';
import { z } from '../../../common/zod';
import { notifyError } from './notify';

/**
 * The longest text a request schema's field accepts: forms take their limits from the schemas the server
 * validates with, so the two cannot drift apart.
 */
export function maxLengthOf(field: z.ZodType): number | undefined {
  let s: z.ZodType = field;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) {
    s = s.unwrap() as z.ZodType;
  }
  return s instanceof z.ZodString ? (s.maxLength ?? undefined) : undefined;
}

/** Characters as the server's zod `.max()` counts them (UTF-16 units, String#length). */
const lengthOf = (value: string) => value.length;

/** What a text field with a limit says under the text once it is too long. */
export const tooLongMessage = (max: number, length: number) =>
  `最多 ${max} 字，已输入 ${length} 字，请删减 ${length - max} 字后再提交`;

/**
 * The counter of an antd Input / TextArea with a limit (issue #20): `count={countOf(max)}` instead of
 * `maxLength`, which cut pasted text silently. Shows 12 / 200 while typing; past the limit the text stays as
 * typed, the counter turns red and says how much is over (超出 5 字). In a form, `TextItem` sets it together with
 * the `tooLong` rule; a text box outside a form pairs it with `isTooLong` / `refuseTooLong`.
 */
export function countOf(max: number | undefined) {
  if (!max) return undefined;
  return {
    max,
    strategy: lengthOf,
    show: ({ count }: { count: number }) =>
      count > max ? `超出 ${count - max} 字 · ${count} / ${max}` : `${count} / ${max}`,
  };
}

/** The Form.Item rule of a text field with a limit: refuses to submit with a Chinese message, never truncates. */
export function tooLong(max: number | undefined): FormRule {
  return {
    validator: (_, value: unknown) =>
      max && typeof value === 'string' && lengthOf(value) > max
        ? Promise.reject(new Error(tooLongMessage(max, lengthOf(value))))
        : Promise.resolve(),
  };
}

/** True when `value` is over the limit: a save button outside a form stays disabled while the counter is red. */
export const isTooLong = (value: string | null | undefined, max: number | undefined) =>
  Boolean(max && value && lengthOf(value) > max);

/**
 * For a text box outside a form (an inline answer, a comment in a popover): throws the Chinese message when
 * the text is over the limit, so the caller's error handling shows it instead of sending a request.
 */
export function refuseTooLong(what: string, value: string | null | undefined, max: number | undefined): void {
  if (max && value && isTooLong(value, max)) throw new Error(`${what}${tooLongMessage(max, lengthOf(value))}`);
}

/** Like `refuseTooLong`, for a caller without error handling: shows the message and answers false. */
export function textFits(what: string, value: string | null | undefined, max: number | undefined): boolean {
  try {
    refuseTooLong(what, value, max);
    return true;
  } catch (error) {
    notifyError(error);
    return false;
  }
}
