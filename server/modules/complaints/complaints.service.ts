import crypto from 'node:crypto';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_EVENTS,
  COMPLAINT_SYSTEM_EVENTS,
  COMPLAINT_FINDINGS,
  COMPLAINT_KINDS,
  COMPLAINT_STATES,
  COMPLAINT_WAYS,
  type ComplaintChannel,
  type ComplaintEvent,
  type ComplaintKind,
  type ComplaintState,
  type ComplaintWay,
  type ComplaintFinding,
} from '../../../common/complaints.js';
import type { TCreateComplaint, TFiler, TListComplaints } from '../../../common/complaints.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf, regionOf, today } from '../../platform/context.js';
import { AppError, notFound, ruleViolation } from '../../platform/errors.js';
import type { StoredFile } from '../../platform/http/files.js';
import { actionsOf } from '../../platform/workflow/machine.js';
import * as org from '../org/org.service.js';
import { clocksOf } from './complaints.clocks.js';
import { currentKeyId, open, openJson, seal, sealJson } from './complaints.crypto.js';
import { capacitiesOf, readerOf } from './complaints.policy.js';
import { linksOf } from './complaints.links.js';
import * as repo from './complaints.repository.js';
import { complaintRules, dueAfter } from './complaints.rules.js';
import { complaintMachine } from './complaints.states.js';

/** The sealed part of the report: what, when, where. */
export interface ComplaintContent {
  content: string;
  happenedAt: string;
  place: string;
}

/** Search over decrypted text reads at most this many candidate rows (decision "search over encrypted fields"). */
export const SEARCH_CAP = 5000;

export const contentOf = (c: repo.ComplaintRow) => openJson<ComplaintContent>(c.keyId, c.contentEnc);

function objectionOpen(events: { type: string }[]) {
  let open = false;
  for (const e of events) {
    if (e.type === 'objection') open = true;
    if (e.type === 'answer_objection') open = false;
  }
  return open;
}

function present(ctx: Ctx, rows: repo.ComplaintRow[], repeats: { of: string | null }[]) {
  const a = actorOf(ctx);
  const now = today(ctx);
  return rows.map((r) => {
    const text = contentOf(r).content;
    return {
      id: r.id,
      code: r.code,
      channel: r.channel as ComplaintChannel,
      channelLabel: COMPLAINT_CHANNELS[r.channel as ComplaintChannel] ?? r.channel,
      kind: r.kind as ComplaintKind,
      kindLabel: COMPLAINT_KINDS[r.kind as ComplaintKind] ?? r.kind,
      anonymous: r.anonymous,
      subjectName: r.subjectName,
      subjectUnitId: r.subjectUnitId,
      subjectUnitName: r.subjectUnitName,
      subjectPost: r.subjectPost,
      receivedOn: r.receivedOn,
      sourceRef: r.sourceRef,
      state: r.state as ComplaintState,
      stateLabel: COMPLAINT_STATES[r.state as ComplaintState] ?? r.state,
      way: r.way,
      wayLabel: r.way ? (COMPLAINT_WAYS[r.way as ComplaintWay] ?? r.way) : null,
      finding: r.finding,
      findingLabel: r.finding ? (COMPLAINT_FINDINGS[r.finding as ComplaintFinding] ?? r.finding) : null,
      result: r.result,
      completedOn: r.completedOn,
      ownerUserId: r.ownerUserId,
      ownerName: r.ownerName,
      repeatOfId: r.repeatOfId,
      repeatCount: repeats.filter((x) => x.of === r.id).length,
      problemId: r.problemId,
      caseId: r.caseId,
      completionDue: r.completionDue,
      overdue: ['received', 'accepted', 'handling'].includes(r.state) && r.completionDue < now,
      summary: text.length > 60 ? `${text.slice(0, 60)}…` : text,
      version: r.version,
      createdAt: r.createdAt,
      actions: actionsOf(complaintMachine, capacitiesOf(a, r), { ...r, objectionOpen: false }),
    };
  });
}

export async function listComplaints(ctx: Ctx, f: TListComplaints) {
  const reader = readerOf(actorOf(ctx));
  const filter: repo.ComplaintFilter = {
    state: f.state,
    channel: f.channel,
    kind: f.kind,
    unitId: f.unitId,
    problemId: f.problemId,
    completedFrom: f.completedFrom,
    completedTo: f.completedTo,
    mine: f.mine === '1',
    overdueBefore: f.overdue === '1' ? today(ctx) : undefined,
    from: f.from,
    to: f.to,
  };
  let items: repo.ComplaintRow[];
  let total: number;
  const q = f.q?.trim();
  if (q) {
    // Search over the decrypted text: only rows the caller may read are decrypted, in this process.
    const rows = (await repo.candidates(ctx.db, reader, filter, SEARCH_CAP)).filter((r) => {
      const c = contentOf(r);
      return [r.code, r.subjectName, r.subjectUnitName, r.subjectPost, c.content, c.place].some((s) => s.includes(q));
    });
    total = rows.length;
    items = rows.slice((f.page - 1) * f.pageSize, f.page * f.pageSize);
  } else {
    ({ items, total } = await repo.list(ctx.db, reader, filter, f.page, f.pageSize));
  }
  const repeats = await repo.repeatsOf(
    ctx.db,
    items.map((r) => r.id),
  );
  return { items: present(ctx, items, repeats), total };
}

export async function loadComplaint(ctx: Ctx, id: string) {
  const row = await repo.get(ctx.db, readerOf(actorOf(ctx)), id);
  if (!row) throw notFound('信访举报件不存在或无权查看');
  return row;
}

/** Whether the caller may read the complaint (links from problems and cases). */
export async function complaintVisibleTo(ctx: Ctx, id: string) {
  return Boolean(await repo.get(ctx.db, readerOf(actorOf(ctx)), id));
}

/** The complaint with its decrypted text, the real-name filer (the read is audited), clocks and timeline. */
export async function getComplaint(ctx: Ctx, id: string) {
  const row = await loadComplaint(ctx, id);
  const repeats = await repo.repeatsOf(ctx.db, [id]);
  const [item] = present(ctx, [row], repeats);
  const events = await repo.eventsOf(ctx.db, id);
  const content = contentOf(row);
  let filer: TFiler | null = null;
  if (!row.anonymous && row.filerEnc) {
    filer = openJson<TFiler>(row.keyId, row.filerEnc);
    await recordAudit(ctx, {
      type: 'complaint.identity_read',
      entity: 'complaint',
      entityId: id,
      after: { code: row.code },
    });
  }
  const rules = await complaintRules(ctx, row.regionId);
  return {
    ...item,
    actions: actionsOf(complaintMachine, capacitiesOf(actorOf(ctx), row), {
      ...row,
      objectionOpen: objectionOpen(events),
    }),
    ...content,
    filer,
    transferTo: row.transferTo,
    lowerResult: row.lowerResult,
    decidedOn: row.decidedOn,
    approver: row.approver,
    result: row.result,
    completedOn: row.completedOn,
    answer: row.answer,
    ...(await linksOf(ctx, row)),
    acceptanceToldOn: row.acceptanceToldOn,
    acceptanceToldHow: row.acceptanceToldHow,
    feedbackOn: row.feedbackOn,
    feedbackHow: row.feedbackHow,
    clocks: await clocksOf(ctx, row, rules),
    repeats: repeats.map(({ id: rid, code, receivedOn }) => ({ id: rid, code, receivedOn })),
    files: await repo.filesOf(ctx.db, id),
    events: events.map((e) => ({
      ...e,
      label:
        COMPLAINT_EVENTS[e.type as ComplaintEvent] ??
        COMPLAINT_SYSTEM_EVENTS[e.type as keyof typeof COMPLAINT_SYSTEM_EVENTS] ??
        e.type,
    })),
  };
}

/** 受理编号: 12 characters of an alphabet without look-alikes, random (not guessable from another code). */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const newCode = () => `XF${Array.from(crypto.randomBytes(12), (b) => ALPHABET[b % ALPHABET.length]).join('')}`;

export interface NewComplaint {
  regionId: string;
  channel: ComplaintChannel;
  kind: ComplaintKind;
  anonymous: boolean;
  filer: TFiler | null;
  subjectName: string;
  subjectUnitId: string | null;
  subjectUnitName: string;
  subjectPost: string;
  content: string;
  happenedAt: string;
  place: string;
  aboutPrincipal: boolean;
  receivedOn: string;
  sourceRef: string;
  passwordHash: string | null;
  repeatOfId: string | null;
  ownerUserId: string | null;
  ownerName: string;
  createdByUserId: string | null;
}

/**
 * Stores a complaint and its files in the caller's transaction (all or nothing). A real-name report needs a
 * configured SM4 key; the files are sealed with the same key as the text.
 */
export async function storeComplaint(ctx: Ctx, n: NewComplaint, files: StoredFile[]) {
  if (!n.anonymous && !currentKeyId()) {
    throw new AppError(
      503,
      'COMPLAINT_KEY_MISSING',
      '系统尚未配置信访举报加密密钥，为保护举报人身份信息，暂不能受理实名举报。您可以选择匿名反映，或通过来信、来访、电话等方式实名举报。',
    );
  }
  const rules = await complaintRules(ctx, n.regionId);
  const sealed = sealJson({ content: n.content, happenedAt: n.happenedAt, place: n.place });
  const filerEnc = n.filer && !n.anonymous ? sealJson(n.filer).sealed : null;
  const state: ComplaintState = n.aboutPrincipal ? 'escalated' : n.repeatOfId ? 'repeat' : 'received';
  const row = await repo.insert(ctx.db, {
    regionId: n.regionId,
    code: newCode(),
    passwordHash: n.passwordHash,
    channel: n.channel,
    kind: n.kind,
    anonymous: n.anonymous,
    keyId: sealed.keyId,
    filerEnc,
    contentEnc: sealed.sealed,
    subjectName: n.subjectName,
    subjectUnitId: n.subjectUnitId,
    subjectUnitName: n.subjectUnitName,
    subjectPost: n.subjectPost,
    aboutPrincipal: n.aboutPrincipal,
    receivedOn: n.receivedOn,
    sourceRef: n.sourceRef,
    state,
    repeatOfId: n.repeatOfId,
    ownerUserId: n.ownerUserId,
    ownerName: n.ownerName,
    completionDue: (await dueAfter(ctx, n.receivedOn, rules.completion.days)).date,
    createdByUserId: n.createdByUserId,
  });
  for (const f of files) {
    const s = seal(f.content);
    await repo.insertFile(ctx.db, {
      complaintId: row.id,
      keyId: s?.keyId ?? null,
      name: f.name,
      mime: f.mime,
      size: f.content.length,
      sha256: crypto.createHash('sha256').update(f.content).digest('hex'),
      content: s?.sealed ?? f.content,
      uploadedBy: n.createdByUserId,
    });
  }
  await repo.insertEvent(ctx.db, {
    complaintId: row.id,
    type: 'created',
    toState: state,
    actorUserId: n.createdByUserId,
    actorName: ctx.actor?.displayName ?? '网上举报',
    at: ctx.now,
    comment: COMPLAINT_CHANNELS[n.channel],
  });
  // The audit records that a complaint exists, never its sealed content or the filer.
  await recordAudit(ctx, {
    type: 'complaint.created',
    entity: 'complaint',
    entityId: row.id,
    after: { code: row.code, channel: n.channel, anonymous: n.anonymous, state, files: files.length },
  });
  return row;
}

/** Staff intake (信访室): a letter, visit, call, 12345 transfer or matter from above; the taker owns it. */
export async function createComplaint(ctx: Ctx, input: TCreateComplaint, files: StoredFile[]) {
  const a = actorOf(ctx);
  const regionId = regionOf(ctx);
  if (input.receivedOn > today(ctx)) {
    throw ruleViolation('COMPLAINT_RECEIVED_FUTURE', '收件日期不能晚于今天', 'receivedOn');
  }
  if (input.subjectUnitId) {
    await org.getUnit(ctx, input.subjectUnitId).catch(() => {
      throw ruleViolation('UNIT_NOT_FOUND', '被反映单位不存在', 'subjectUnitId');
    });
  }
  if (input.repeatOfId && !(await complaintVisibleTo(ctx, input.repeatOfId))) {
    throw ruleViolation('COMPLAINT_NOT_FOUND', '所关联的原信访件不存在或无权查看', 'repeatOfId');
  }
  const row = await storeComplaint(
    ctx,
    {
      ...input,
      regionId,
      filer: input.anonymous ? null : input.filer,
      passwordHash: null,
      ownerUserId: input.aboutPrincipal ? null : a.userId,
      ownerName: input.aboutPrincipal ? '' : a.displayName,
      createdByUserId: a.userId,
    },
    files,
  );
  if (row.state === 'escalated') return { id: row.id, code: row.code, escalated: true as const };
  return { id: row.id, code: row.code, escalated: false as const };
}

/** An uploaded original, decrypted, for a reader of the complaint. */
export async function getComplaintFile(ctx: Ctx, id: string, fileId: string) {
  await loadComplaint(ctx, id);
  const f = await repo.file(ctx.db, id, fileId);
  if (!f) throw notFound('文件不存在');
  return { name: f.name, mime: f.mime, content: f.keyId ? open(f.keyId, f.content) : f.content };
}
