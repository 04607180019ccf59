import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, badRequest } from '../../platform/errors.js';
import { type StoredFile, readUpload } from '../../platform/http/files.js';

export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Reads a complaint's multipart body: the form as JSON in the `data` field and up to five attachments, each
 * typed by its content (readUpload) and at most 10 MB. Everything is read before the transaction opens, so a
 * refused file leaves nothing written.
 */
export async function readComplaintForm<S extends z.ZodType>(req: FastifyRequest, schema: S) {
  if (!req.isMultipart()) throw badRequest('MULTIPART_REQUIRED', '请以表单（multipart/form-data）提交', 'data');
  const files: StoredFile[] = [];
  let raw: string | undefined;
  try {
    for await (const part of req.parts({ limits: { files: MAX_FILES, fileSize: MAX_FILE_BYTES, fields: 5 } })) {
      if (part.type === 'file') {
        if (part.filename === '' && part.mimetype === 'application/octet-stream') {
          await part.toBuffer();
          continue;
        }
        files.push(await readUpload(part));
      } else if (part.fieldname === 'data') {
        raw = String(part.value);
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'FILE_TOO_LARGE', `单个附件不能超过${MAX_FILE_BYTES / 1024 / 1024}MB`);
    }
    if (code === 'FST_FILES_LIMIT') throw badRequest('TOO_MANY_FILES', `附件不能超过${MAX_FILES}个`, 'file');
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw badRequest('TOO_MANY_FIELDS', '表单字段过多', 'data');
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw ?? '');
  } catch {
    throw badRequest('DATA_REQUIRED', '表单内容缺失或格式不正确', 'data');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(
      'VALIDATION_FAILED',
      issue?.message ?? '表单内容不正确',
      issue?.path.map(String).join('.') || 'data',
    );
  }
  return { data: parsed.data as z.output<S>, files };
}
