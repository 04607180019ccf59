import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors.js';

/** PostgreSQL error classes and socket errors that mean "the database cannot be reached right now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error|timeout exceeded when trying to connect|Client was closed/i;

/** True when the error (or an error it wraps, e.g. Drizzle's query error) is a lost or refused database connection. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  }
  return false;
}

/** @fastify/busboy's errors for a multipart body that was cut short or malformed (they carry no status). */
const BROKEN_MULTIPART = /unexpected end of multipart data|Multipart: Boundary not found|Malformed part header/i;

export interface ErrorReply {
  status: number;
  body: { code: string; message: string; [key: string]: unknown };
  headers?: Record<string, string>;
}

/** The API's `{code, message, field?}` answer with a Chinese message for any error. */
export function errorReply(err: FastifyError | Error, req: FastifyRequest): ErrorReply {
  if (err instanceof AppError) return { status: err.status, body: err.toJSON() };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: FieldError[] = err.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? '格式不正确',
    }));
    const first = fields[0];
    return {
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: first?.message ?? '提交的数据格式不正确',
        field: first?.field,
        fields,
      },
    };
  }
  const { statusCode, code } = err as FastifyError;
  if (statusCode === 429) return { status: 429, body: { code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' } };
  if (statusCode === 413 || code === 'FST_REQ_FILE_TOO_LARGE') {
    return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: '上传的文件过大' } };
  }
  if (statusCode && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, body: { code: 'BAD_REQUEST', message: '请求格式不正确' } };
  }
  if (BROKEN_MULTIPART.test(err.message)) {
    return {
      status: 400,
      body: { code: 'UPLOAD_INCOMPLETE', message: '上传的文件不完整或格式不正确，请重新上传', field: 'file' },
    };
  }
  if (isDatabaseUnavailable(err)) {
    req.log.warn({ err: err.message }, 'database unavailable');
    return {
      status: 503,
      headers: { 'retry-after': '5' },
      body: { code: 'DB_UNAVAILABLE', message: '数据库暂时无法连接，请稍后重试' },
    };
  }
  req.log.error({ err }, 'unhandled error');
  return { status: 500, body: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' } };
}

/** Maps every error to the API's `{code, message, field?}` shape with a Chinese message. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const { status, body, headers } = errorReply(err, req);
    return reply
      .status(status)
      .headers(headers ?? {})
      .send(body);
  });
}
