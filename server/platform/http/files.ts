import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { badRequest } from '../errors.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Marks the reply as an .xlsx download with a Chinese file name. */
export function xlsxHeaders(reply: FastifyReply, name: string) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

/** Sends a workbook built in memory (import templates); list exports stream through `sendXlsxExport`. */
export function sendXlsx(reply: FastifyReply, name: string, body: Buffer) {
  return xlsxHeaders(reply, name).send(body);
}

/** Sends a generated .docx (official document) as a download with a Chinese file name. */
export function sendDocx(reply: FastifyReply, name: string, body: Buffer) {
  return reply
    .header('content-type', DOCX)
    .header('content-disposition', `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(body);
}

/** Sends a document builder's result ({ name, body }) as a .docx download. */
export const sendDocument = (reply: FastifyReply, doc: { name: string; body: Buffer }) =>
  sendDocx(reply, doc.name, doc.body);
/** What an evidence or minutes upload may be, by its content: PDF, pictures, Office documents (old Office = CFB). */
const UPLOAD_TYPES = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/bmp',
  'image/tiff',
  'image/heic',
  DOCX,
  XLSX,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/x-cfb',
]);

export interface StoredFile {
  name: string;
  mime: string;
  content: Buffer;
}

/**
 * Reads an uploaded file and finds its type from its bytes (file-type), never from the name or the browser's
 * claim: anything outside the allow-list (programs, web pages, SVG with script, archives, text) is refused.
 */
export async function readUpload(file: MultipartFile): Promise<StoredFile> {
  const content = await file.toBuffer();
  const type = await fileTypeFromBuffer(content);
  if (!type || !UPLOAD_TYPES.has(type.mime)) {
    throw badRequest(
      'FILE_TYPE_REFUSED',
      '不支持的文件类型：只能上传 PDF、图片（JPG、PNG 等）和 Office 文档（Word、Excel、PowerPoint）',
      'file',
    );
  }
  return { name: file.filename, mime: type.mime, content };
}

/** Sends a stored upload as a download: its detected type (octet-stream for older rows), never rendered inline. */
export function sendStoredFile(reply: FastifyReply, file: Omit<StoredFile, 'content'> & { content: Buffer | null }) {
  return reply
    .header('content-type', UPLOAD_TYPES.has(file.mime) ? file.mime : 'application/octet-stream')
    .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}
