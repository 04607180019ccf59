import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { errorReply } from './errors-handler.js';

const req = { log: { warn: () => {}, error: () => {} } } as unknown as FastifyRequest;

describe('error replies (shared by the error handler and NDJSON answers)', () => {
  it('keeps an AppError as it is, with its extra fields', () => {
    const err = new AppError(400, 'IMPORT_INVALID', '有 1 处错误', { rows: [{ row: 2 }] });
    expect(errorReply(err, req)).toEqual({
      status: 400,
      body: { code: 'IMPORT_INVALID', message: '有 1 处错误', rows: [{ row: 2 }] },
    });
  });

  it('answers 503 with retry-after when the database cannot be reached, 500 otherwise', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(errorReply(refused, req)).toMatchObject({
      status: 503,
      headers: { 'retry-after': '5' },
      body: { code: 'DB_UNAVAILABLE' },
    });
    expect(errorReply(new Error('boom'), req)).toEqual({
      status: 500,
      body: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' },
    });
  });
});
