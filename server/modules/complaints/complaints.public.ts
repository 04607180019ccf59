import crypto from 'node:crypto';
import { verify as argonVerify } from '@node-rs/argon2';
import { COMPLAINT_PUBLIC_STATES, type ComplaintState } from '../../../common/complaints.js';
import type { TComplaintStatusQuery, TPublicComplaint } from '../../../common/complaints.schema.js';
import { hashPassword } from '../../platform/auth/auth.service.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { StoredFile } from '../../platform/http/files.js';
import { checkHuman } from './complaints.human.js';
import * as repo from './complaints.repository.js';
import { storeComplaint } from './complaints.service.js';

// A real argon2 hash verified for an unknown code, so the answer's timing does not tell that the code is wrong.
const DUMMY = hashPassword('zelian-complaint-timing');

/** 查询密码: 10 characters without look-alikes, shown once to the filer; only its argon2 hash is stored. */
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const newPassword = () => Array.from(crypto.randomBytes(10), (b) => PASSWORD_ALPHABET[b % 32]).join('');

/** The public filing: human check, then the complaint and its files in the request's one transaction. */
export async function filePublicComplaint(ctx: Ctx, input: TPublicComplaint, files: StoredFile[]) {
  await checkHuman(input.altcha);
  const regionId = await repo.publicRegion(ctx.db);
  if (!regionId) throw new AppError(503, 'NO_REGION', '系统尚未初始化，暂不能受理');
  const password = newPassword();
  const receivedOn = isoDate(ctx.now);
  const row = await storeComplaint(
    ctx,
    {
      regionId,
      channel: 'online',
      kind: input.kind,
      anonymous: input.anonymous,
      filer: input.anonymous ? null : input.filer,
      subjectName: input.subjectName,
      subjectUnitId: null,
      subjectUnitName: input.subjectUnitName,
      subjectPost: input.subjectPost,
      content: input.content,
      happenedAt: input.happenedAt,
      place: input.place,
      aboutPrincipal: input.aboutPrincipal,
      receivedOn,
      sourceRef: '',
      passwordHash: await hashPassword(password),
      repeatOfId: null,
      ownerUserId: null,
      ownerName: '',
      createdByUserId: null,
    },
    files,
  );
  return { code: row.code, password, receivedOn };
}

/** One answer for an unknown code and a wrong password: nothing tells which (nor that the code exists). */
const NO_MATCH = () => new AppError(404, 'COMPLAINT_NO_MATCH', '受理编号或查询密码不正确');

/** Status and answer only: never the handling details, the owner, the subject or the text. */
export async function publicStatus(ctx: Ctx, q: TComplaintStatusQuery) {
  const row = await repo.byCode(ctx.db, q.code.trim().toUpperCase());
  const ok = await argonVerify(row?.passwordHash ?? (await DUMMY), q.password).catch(() => false);
  if (!row?.passwordHash || !ok) throw NO_MATCH();
  const state = row.state as ComplaintState;
  const answered = state === 'answered';
  return {
    code: row.code,
    receivedOn: row.receivedOn,
    status: COMPLAINT_PUBLIC_STATES[state] ?? '正在办理',
    answer: answered ? row.answer : '',
    answeredOn: answered ? row.feedbackOn : null,
  };
}
