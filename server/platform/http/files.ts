import type { FastifyReply } from 'fastify';

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
