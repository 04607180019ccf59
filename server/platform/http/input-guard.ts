import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/** Deepest JSON nesting any request may carry (the deepest real input, a warning rule, is 6 levels). */
export const MAX_INPUT_DEPTH = 32;

/** NUL (PostgreSQL text refuses it) and UTF-16 surrogates that are not part of a pair (not encodable as UTF-8). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

const refuse = (message: string, field?: string) => new AppError(400, 'INVALID_INPUT', message, { field });

/**
 * Walks a parsed request part without recursion (a hostile body may nest thousands of levels) and
 * throws a 400 at the first string that cannot be stored or when the nesting is deeper than allowed.
 */
export function checkInput(value: unknown, part: string): void {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop() as { v: unknown; path: string; depth: number };
    if (typeof v === 'string') {
      if (unstorable(v)) throw refuse('内容含有无法保存的控制字符或无效字符，请删除后重试', path || part);
    } else if (v && typeof v === 'object') {
      if (depth >= MAX_INPUT_DEPTH) throw refuse(`提交的数据嵌套层级过深（最多${MAX_INPUT_DEPTH}层）`, path || part);
      for (const [k, child] of Object.entries(v)) {
        if (unstorable(k)) throw refuse('字段名含有无法保存的字符', path || part);
        stack.push({ v: child, path: path ? `${path}.${k}` : k, depth: depth + 1 });
      }
    }
  }
}

/**
 * Edge check of every request's path parameters, query string and JSON body before validation: text
 * with NUL or a lone surrogate, and over-deep nesting, answer 400 with a Chinese message instead of
 * failing deep inside the database driver or the validator (500).
 */
export function installInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    checkInput(req.params, 'params');
    checkInput(req.query, 'query');
    checkInput(req.body, 'body');
  });
}
