import crypto from 'node:crypto';
import { FACTS } from '../../../common/cases.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf } from '../../platform/context.js';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors.js';
import { mayHandleEvidence } from './cases.policy.js';
import { loadCase, standingOn } from './cases.read.js';
import * as repo from './cases.repository.js';
import { readCaseRules } from './cases.rules.js';

const MAX_FILE = 20 * 1024 * 1024;

/** Stores evidence of one of the four facts. */
export async function uploadCaseFile(
  ctx: Ctx,
  id: string,
  fact: string,
  file: { name: string; mime: string; content: Buffer },
) {
  const c = await loadCase(ctx, id);
  const { capacities } = await standingOn(ctx, c, await readCaseRules(ctx));
  if (!mayHandleEvidence(capacities)) throw forbidden('只有调查组成员可以上传证据材料');
  if (!(fact in FACTS)) throw badRequest('FACT_INVALID', '请选择证据所证明的事实', 'fact');
  if (file.content.length === 0) throw badRequest('FILE_EMPTY', '文件为空', 'file');
  if (file.content.length > MAX_FILE) throw new AppError(413, 'PAYLOAD_TOO_LARGE', '单个文件不能超过 20MB');
  const saved = await repo.insertFile(ctx.db, {
    caseId: id,
    fact,
    name: file.name.slice(0, 200),
    mime: file.mime,
    size: file.content.length,
    sha256: crypto.createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
    uploadedBy: actorOf(ctx).userId,
  });
  await recordAudit(ctx, { type: 'case.file_uploaded', entity: 'case', entityId: id, after: saved });
  return saved;
}

export async function getCaseFile(ctx: Ctx, id: string, fileId: string) {
  await loadCase(ctx, id);
  const f = await repo.getFile(ctx.db, id, fileId);
  if (!f) throw notFound('文件不存在');
  return f;
}
