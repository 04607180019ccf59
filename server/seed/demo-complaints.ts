import dayjs from 'dayjs';
import type { ComplaintChannel, ComplaintState } from '../../common/complaints.js';
import { hashPassword, findUserByUsername } from '../platform/auth/auth.service.js';
import { isoDate } from '../platform/calendar/working-days.js';
import { DEV_SM4_KEY } from '../platform/config.js';
import type { Ctx } from '../platform/context.js';
import { currentKeyId, setComplaintKeys } from '../modules/complaints/complaints.crypto.js';
import * as repo from '../modules/complaints/complaints.repository.js';
import { storeComplaint } from '../modules/complaints/complaints.service.js';

/** The query password of every demo complaint filed online (README 演示账号). */
export const DEMO_COMPLAINT_PASSWORD = 'demo2026xf';

interface Demo {
  channel: ComplaintChannel;
  anonymous: boolean;
  unit: string;
  subject: string;
  post: string;
  content: string;
  daysAgo: number;
  state: ComplaintState;
  sourceRef?: string;
  repeatOfIndex?: number;
  aboutPrincipal?: boolean;
}

const FILER = { name: '张群众', phone: '13700001111', idNumber: '', address: '示范县城关镇' };

const DEMOS: Demo[] = [
  {
    channel: 'online',
    anonymous: true,
    unit: '县住建局',
    subject: '刘某',
    post: '质监站站长',
    content: '刘某在工程质量验收中吃拿卡要。',
    daysAgo: 2,
    state: 'received',
  },
  {
    channel: 'hotline12345',
    anonymous: false,
    unit: '县自然资源局',
    subject: '陈某',
    post: '所长',
    content: '12345热线转来：陈某违规审批宅基地。',
    daysAgo: 6,
    state: 'accepted',
    sourceRef: '12345-2026-1108',
  },
  {
    channel: 'letter',
    anonymous: false,
    unit: '县交通运输局',
    subject: '孙某',
    post: '副局长',
    content: '孙某公车私用，周末驾公车外出。',
    daysAgo: 30,
    state: 'handling',
  },
  {
    channel: 'visit',
    anonymous: false,
    unit: '县水利局',
    subject: '周某',
    post: '科长',
    content: '周某在项目招标中向亲属透露标底。',
    daysAgo: 70,
    state: 'completed',
  },
  {
    channel: 'phone',
    anonymous: false,
    unit: '县城管局',
    subject: '吴某',
    post: '中队长',
    content: '吴某执法中收受商户财物。',
    daysAgo: 90,
    state: 'answered',
  },
  {
    channel: 'online',
    anonymous: true,
    unit: '县城管局',
    subject: '吴某',
    post: '中队长',
    content: '再次反映吴某执法中收受商户财物。',
    daysAgo: 40,
    state: 'repeat',
    repeatOfIndex: 4,
  },
  {
    channel: 'upper',
    anonymous: false,
    unit: '城关镇',
    subject: '郑某',
    post: '村支书',
    content: '上级交办：郑某侵占集体土地补偿款。',
    daysAgo: 12,
    state: 'transferred',
  },
  // 第十五条: about the commission's own principal, sent up at once and seen by nobody here.
  {
    channel: 'online',
    anonymous: true,
    unit: '县纪委监委',
    subject: '（本委主要负责人）',
    post: '',
    content: '反映本委主要负责人的问题。',
    daysAgo: 3,
    state: 'escalated',
    aboutPrincipal: true,
  },
];

/**
 * Demo complaints (SPEC M9) in every state the county sees, one from 12345, one repeated and one anonymous.
 * Sealed with the configured key, or the documented dev key when the demo runs without one.
 */
export async function seedDemoComplaints(ctx: Ctx, regionId: string) {
  if (!currentKeyId()) setComplaintKeys([DEV_SM4_KEY]);
  const office = await findUserByUsername(ctx.db, 'office');
  const today = isoDate(ctx.now);
  const passwordHash = await hashPassword(DEMO_COMPLAINT_PASSWORD);
  const ids: string[] = [];
  for (const d of DEMOS) {
    const receivedOn = dayjs(today).subtract(d.daysAgo, 'day').format('YYYY-MM-DD');
    const at = (n: number) => dayjs(receivedOn).add(n, 'day').format('YYYY-MM-DD');
    const online = d.channel === 'online';
    const row = await storeComplaint(
      ctx,
      {
        regionId,
        channel: d.channel,
        kind: 'accusation',
        anonymous: d.anonymous,
        filer: d.anonymous ? null : FILER,
        subjectName: d.subject,
        subjectUnitId: null,
        subjectUnitName: d.unit,
        subjectPost: d.post,
        content: d.content,
        happenedAt: '2026年',
        place: d.unit,
        aboutPrincipal: d.aboutPrincipal ?? false,
        receivedOn,
        sourceRef: d.sourceRef ?? '',
        passwordHash: online ? passwordHash : null,
        repeatOfId: d.repeatOfIndex === undefined ? null : (ids[d.repeatOfIndex] ?? null),
        ownerUserId: online && d.state === 'received' ? null : (office?.id ?? null),
        ownerName: online && d.state === 'received' ? '' : (office?.displayName ?? ''),
        createdByUserId: null,
      },
      [],
    );
    ids.push(row.id);
    const later: Partial<repo.ComplaintRow> = {};
    const past = (s: ComplaintState[]) => s.includes(d.state);
    if (past(['accepted', 'handling', 'completed', 'answered'])) {
      Object.assign(later, {
        acceptedOn: at(2),
        ...(d.anonymous ? {} : { acceptanceToldOn: at(5), acceptanceToldHow: 'phone' }),
      });
    }
    if (past(['handling', 'completed', 'answered'])) {
      Object.assign(later, { way: 'preliminary', decidedOn: at(8), approver: '县纪委副书记' });
    }
    if (past(['completed', 'answered'])) {
      Object.assign(later, {
        finding: 'partly',
        result: '经初步核实，反映的问题部分属实，已责令整改并予以提醒谈话。',
        completedOn: at(40),
      });
    }
    if (d.state === 'answered') {
      Object.assign(later, {
        answer: '您反映的问题经核实部分属实，已依规依纪处理。感谢您的监督。',
        feedbackOn: at(45),
        feedbackHow: 'phone',
      });
    }
    if (d.state === 'transferred') Object.assign(later, { transferTo: '城关镇纪委', transferredOn: at(2) });
    if (!['received', 'repeat', 'escalated'].includes(d.state)) {
      await repo.update(ctx.db, row.id, row.version, { ...later, state: d.state });
    }
  }
}
