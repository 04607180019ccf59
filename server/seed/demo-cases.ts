import { and, eq, inArray } from 'drizzle-orm';
import type { TCaseEvent, TCreateCase } from '../../common/cases.schema.js';
import { createCase, fireCaseEvent, getCase } from '../modules/cases/cases.service.js';
import { resolveScope } from '../modules/org/org.scope.js';
import { units } from '../modules/org/org.tables.js';
import { toleranceFilings } from '../modules/tolerance/tolerance.tables.js';
import { findUserByUsername } from '../platform/auth/auth.service.js';
import { actorOf } from '../platform/auth/auth.service.js';
import type { Ctx } from '../platform/context.js';

const FACTS = (what: string) => ({
  problem: `${what}，经调查属实`,
  result: '造成不良影响，群众反映强烈',
  responsibility: '单位主要负责人未认真履行管理监督职责',
  causation: '履职不力是问题发生的主要原因',
});

/** The context of a demo user, to drive the real procedures as that user. */
export async function asDemoUser(ctx: Ctx, username: string): Promise<Ctx> {
  const user = await findUserByUsername(ctx.db, username);
  if (!user) throw new Error(`demo user ${username} missing`);
  return { ...ctx, actor: await actorOf(ctx, user, { id: 'seed', csrfToken: 'seed' }, resolveScope) };
}

/**
 * Accountability cases at every stage, driven through the real procedure as the demo users: one
 * with an appeal decided lighter, one exempted under fault tolerance, influence periods for 组织部.
 */
export async function seedDemoCases(ctx: Ctx, regionId: string) {
  // One after another: the seed runs in one transaction, on one connection.
  const actors: Ctx[] = [];
  for (const username of ['leader', 'wenze1', 'wenze2', 'office', 'anguan', 'caseoffice'])
    actors.push(await asDemoUser(ctx, username));
  const [leader, w1, w2, office, anguan, sl] = actors;
  const rows = await ctx.db
    .select()
    .from(units)
    .where(and(eq(units.regionId, regionId), inArray(units.code, ['ZJJ', 'SJJ', 'JYJ', 'NSZ', 'YJJ', 'WJJ', 'BHZ'])));
  const unit = (code: string) => rows.find((u) => u.code === code) as (typeof rows)[number];
  const wenze2Id = w2.actor?.userId as string;

  const open = (
    input: Omit<TCreateCase, 'summary' | 'teamUserIds' | 'highAttention' | 'importantPost' | 'field'> &
      Partial<TCreateCase>,
  ) =>
    createCase(w1, {
      summary: '',
      teamUserIds: [wenze2Id],
      highAttention: false,
      importantPost: false,
      field: '',
      ...input,
    });
  const fire = async (who: Ctx, id: string, event: Omit<TCaseEvent, 'version'>) => {
    const c = await getCase(leader, id);
    return fireCaseEvent(who, id, { ...event, version: c.version } as TCaseEvent);
  };
  const person = (code: string) => ({
    subjectType: 'person' as const,
    personId: unit(code).principalPersonId as string,
  });

  async function toReview(id: string, facts: string, tolerance?: TCaseEvent['determinations']) {
    await fire(leader, id, { type: 'approve_launch' });
    await fire(w1, id, { type: 'record_facts', facts: FACTS(facts) });
    await fire(w1, id, { type: 'issue_statement' });
    const c = await getCase(leader, id);
    for (const s of c.subjects) {
      await fire(w2, id, {
        type: 'record_defense',
        subjectId: s.id,
        defense: '对认定的事实无异议，愿意接受组织处理',
        signed: true,
      });
    }
    await fire(w1, id, {
      type: 'determine',
      determinations:
        tolerance ??
        c.subjects.map((s) => ({
          subjectId: s.id,
          responsibility: 'main_leadership' as const,
          duty: 'supervision' as const,
          circumstances: { exemption: [], mitigating: ['cooperated' as const], aggravating: [] },
        })),
    });
    return c.subjects;
  }
  async function signAll(id: string) {
    await fire(office, id, { type: 'sign_joint_review', office: 'df', comment: '事实清楚，同意' });
    await fire(anguan, id, { type: 'sign_joint_review', office: 'ag', comment: '程序合规' });
    await fire(sl, id, { type: 'sign_joint_review', office: 'sl', comment: '定性准确，处理适当' });
  }

  // 1. 待批准启动
  await open({
    kind: 'party',
    title: '县市场监管局食品安全抽检走过场问题',
    situation: 10,
    sourceType: 'complaint',
    subjects: [person('SJJ')],
  });

  // 2. 调查中
  const c2 = await open({
    kind: 'party',
    title: '南山镇违规发放津补贴问题',
    situation: 5,
    sourceType: 'problem',
    subjects: [person('NSZ')],
  });
  await fire(leader, c2.id, { type: 'approve_launch' });
  await fire(w1, c2.id, { type: 'record_facts', facts: { problem: '2026年上半年违规发放加班补贴12.6万元' } });

  // 3. 审理中 (待联审)
  const c3 = await open({
    kind: 'party',
    title: '县教体局校园食堂监管不力问题',
    situation: 10,
    sourceType: 'warning',
    subjects: [person('JYJ')],
  });
  await toReview(c3.id, '校园食堂食材进货查验制度长期不落实');
  await fire(office, c3.id, { type: 'sign_joint_review', office: 'df', comment: '同意' });

  // 4. 已决定 (政务处分, influence period)
  const c4 = await open({
    kind: 'supervision',
    title: '县卫健局医疗废物处置监管失职问题',
    situation: 10,
    sourceType: 'manual',
    subjects: [person('WJJ')],
  });
  const s4 = await toReview(c4.id, '医疗废物处置台账缺失，部分医疗机构违规处置');
  await signAll(c4.id);
  await fire(leader, c4.id, {
    type: 'decide',
    decisionDate: '2026-10-20',
    decisions: [{ subjectId: s4[0].id, forms: [{ form: '政务处分·记过', mode: 'impose' }] }],
  });

  // 5. 已结案, with an appeal decided lighter, the follow-up visit and 以案促改
  const c5 = await open({
    kind: 'party',
    title: '县应急管理局安全生产专项整治推进不力问题',
    situation: 9,
    sourceType: 'escalation',
    field: '安全生产',
    subjects: [person('YJJ')],
  });
  const s5 = await toReview(c5.id, '安全生产专项整治三年行动多项任务逾期未完成');
  await signAll(c5.id);
  await fire(w1, c5.id, { type: 'request_prereview', comment: '安全生产领域，按规定提级预审' });
  await fire(leader, c5.id, { type: 'record_prereview', comment: '市纪委监委预审：事实清楚，处理适当' });
  await fire(leader, c5.id, {
    type: 'decide',
    decisionDate: '2026-09-15',
    decisions: [
      {
        subjectId: s5[0].id,
        forms: [
          { form: '书面诫勉', mode: 'impose' },
          { form: '调整职务', mode: 'propose' },
        ],
      },
    ],
  });
  await fire(w1, c5.id, {
    type: 'record_service',
    subjectId: s5[0].id,
    serviceManner: 'direct',
    date: '2026-09-16',
    comment: '当面送达，本人签收',
  });
  await fire(w1, c5.id, {
    type: 'appeal',
    subjectId: s5[0].id,
    appealKind: 'appeal',
    filedOn: '2026-09-28',
    comment: '本人已积极整改，请求从轻处理',
  });
  const appealId = (await getCase(leader, c5.id)).appeals[0].id;
  await fire(w1, c5.id, { type: 'execute', comment: '诫勉决定已当面宣布，调整职务建议已函告县委组织部' });
  await fire(leader, c5.id, {
    type: 'decide_appeal',
    appealId,
    result: 'lighter',
    forms: [{ form: '书面诫勉', mode: 'impose' }],
    date: '2026-10-20',
    comment: '鉴于其积极整改、挽回损失，维持诫勉，撤回调整职务建议',
  });
  await fire(w1, c5.id, {
    type: 'follow_up',
    date: '2026-11-10',
    comment: '回访：专项整治逾期任务已全部完成，本人思想认识深刻',
  });
  await fire(w1, c5.id, {
    type: 'recommend',
    unitId: unit('YJJ').id,
    comment: '举一反三，建立安全生产专项整治任务逾期预警机制',
    deadline: '2026-12-31',
  });
  // 结案 is approved by the commission leader, off the team (issue #20).
  await fire(leader, c5.id, { type: 'close' });

  // 6. 容错免责: the reform pilot 县住建局 registered in advance (事前备案), found on the case screen
  const [filing] = await ctx.db
    .select()
    .from(toleranceFilings)
    .where(
      and(
        eq(toleranceFilings.regionId, regionId),
        eq(toleranceFilings.state, 'approved'),
        eq(toleranceFilings.unitId, unit('ZJJ').id),
      ),
    )
    .limit(1);
  const c6 = await open({
    kind: 'party',
    title: '县住建局老旧小区改造“先改后补”试点垫资超支问题',
    situation: 11,
    sourceType: 'manual',
    subjects: [person('ZJJ')],
  });
  const subject6 = (await getCase(leader, c6.id)).subjects[0];
  await toReview(c6.id, '老旧小区改造“先改后补”试点中，县城投集团垫资超出计划', [
    {
      subjectId: subject6.id,
      responsibility: 'main_leadership',
      duty: 'decision',
      circumstances: { exemption: ['pilot', 'dissent'], mitigating: ['remedied'], aggravating: [] },
      tolerance: {
        outcome: 'exempt',
        reasons: `属改革试点中缺乏经验、先行先试出现的失误；决策前已事前备案（${filing?.code ?? ''}）并经集体研究，不同意见已记入纪要；未谋取私利，已及时纠正`,
        filingIds: filing ? [filing.id] : [],
        distinctions: { pilot: true, exploration: true, public_interest: true },
        positiveItems: ['reform_pilot', 'dissent'],
        negativeItems: [],
      },
    },
  ]);
  await signAll(c6.id);
  await fire(leader, c6.id, {
    type: 'decide',
    decisionDate: '2026-11-05',
    decisions: [{ subjectId: subject6.id, forms: [] }],
  });

  // 7. 已执行 (组织处理 proposed, 通报 for the organisation)
  const c7 = await open({
    kind: 'party',
    title: '北河镇河道“清四乱”整治弄虚作假问题',
    situation: 10,
    sourceType: 'problem',
    subjects: [person('BHZ'), { subjectType: 'unit', unitId: unit('BHZ').id }],
  });
  const s7 = await toReview(c7.id, '上报整治完成的12处问题点位中7处未整治');
  await signAll(c7.id);
  await fire(leader, c7.id, {
    type: 'decide',
    decisionDate: '2026-10-28',
    decisionBody: '县纪委常委会会议',
    decisions: [
      { subjectId: s7[0].id, forms: [{ form: '党纪处分·警告', mode: 'impose' }] },
      { subjectId: s7[1].id, forms: [{ form: '通报', mode: 'impose' }] },
    ],
  });
  await fire(w1, c7.id, { type: 'execute', comment: '处分决定已宣布并归档，通报已印发' });
}
