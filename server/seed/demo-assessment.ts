import { SURVEY_DEFAULT_QUESTIONS } from '../../common/assessment.js';
import { and, eq, inArray } from 'drizzle-orm';
import dayjs from 'dayjs';
import {
  answerQuestion,
  createEvaluation,
  fireEvaluationEvent,
  scoreReporters,
} from '../modules/assessment/assessment.evaluations.js';
import { createReview, fireReviewEvent } from '../modules/assessment/assessment.reviews.js';
import { createAssessment, fireAssessmentEvent } from '../modules/assessment/assessment.service.js';
import { rate } from '../modules/assessment/assessment.ratings.js';
import { castBallot, createSurvey, issueBallots } from '../modules/assessment/assessment.surveys.js';
import { createSystem } from '../modules/assessment/assessment.systems.js';
import { units } from '../modules/org/org.tables.js';
import { type Ctx, actorOf } from '../platform/context.js';
import { asDemoUser } from './demo-cases.js';

/** Answers of the demo ballots, by ballot and question (index into SURVEY_SCALE: 好、较好、一般、差). */
const PATTERN = [0, 0, 1, 0, 2, 1, 0, 1, 3, 0];

/**
 * 考核评价 in the demo county, through the real procedures: last year's 两个责任 assessment computed, frozen
 * and published (the commission leader approves), this year's computed and open; two 民主测评 of 县住建局 (its
 * leadership, and its principal in person) issued to its party members with four in five ballots answered; this
 * year's leader assessment. Runs after `seedDemoEvaluation` (the 述责述廉 meeting held two weeks ago).
 */
export async function seedDemoAssessment(ctx: Ctx, regionId: string) {
  const office = await asDemoUser(ctx, 'office');
  const leader = await asDemoUser(ctx, 'leader');
  const year = Number(ctx.now.toISOString().slice(0, 4));

  for (const y of [year - 1, year]) {
    const system = await createSystem(office, {
      name: `${y}年度党风廉政建设“两个责任”考核`,
      year: y,
      unitType: null,
      templateKey: 'two_responsibilities',
      description: '',
    });
    let run = await createAssessment(office, {
      systemId: system.id,
      name: `${y}年度党风廉政建设“两个责任”考核`,
      periodFrom: `${y}-01-01`,
      periodTo: `${y}-12-31`,
    });
    run = await fireAssessmentEvent(office, run.id, { type: 'compute', version: run.version, comment: '' });
    if (y === year) continue;
    run = await fireAssessmentEvent(office, run.id, { type: 'freeze', version: run.version, comment: '' });
    await fireAssessmentEvent(leader, run.id, { type: 'publish', version: run.version, comment: '同意发布' });
  }

  const [zjj] = await ctx.db
    .select({ id: units.id, principal: units.principalPersonId })
    .from(units)
    .where(and(eq(units.regionId, regionId), eq(units.code, 'ZJJ')));
  const surveys = [
    { personId: null, title: `${year}年度县住建局领导班子民主测评`, shift: 0 },
    { personId: zjj.principal, title: `${year}年度县住建局主要负责人个人民主测评`, shift: 1 },
  ];
  for (const { personId, title, shift } of surveys) {
    const survey = await createSurvey(office, {
      unitId: zjj.id,
      personId,
      year,
      title,
      questions: SURVEY_DEFAULT_QUESTIONS,
    });
    const { tokens } = await issueBallots(office, survey.id, survey.version);
    const voters = Math.floor((tokens.length * 4) / 5);
    for (const [i, token] of tokens.slice(0, voters).entries()) {
      await castBallot(
        ctx,
        token,
        SURVEY_DEFAULT_QUESTIONS.map((_, q) => PATTERN[(i * 3 + q + shift) % PATTERN.length]),
      );
    }
  }

  // After the surveys and the meeting: the principal's own ballots and 述责述廉 count in the leader assessment.
  await seedDemoLeaderAssessment(ctx, office, leader, year);
}

/**
 * A leader system (issue #15) from the shipped 领导干部履行全面从严治党责任考核 template: this year's run over the
 * county leaders and unit principals, the 述责述廉 evaluators' scores of the demo county leader (`fuxianzhang`),
 * computed, frozen and published — so he sees his own score and each deduction's cause.
 */
async function seedDemoLeaderAssessment(ctx: Ctx, office: Ctx, leader: Ctx, year: number) {
  const name = `${year}年度领导干部履行全面从严治党责任考核`;
  const system = await createSystem(office, {
    name,
    year,
    unitType: null,
    templateKey: 'leader_duty',
    description: '',
  });
  let run = await createAssessment(office, {
    systemId: system.id,
    name,
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
  });
  const rated = system.indicators.find((i) => i.method === 'qualitative');
  const fuxianzhang = actorOf(await asDemoUser(ctx, 'fuxianzhang')).scope.personId;
  if (rated && fuxianzhang) {
    for (const [n, evaluator] of rated.evaluators.entries()) {
      await rate(office, run.id, {
        indicatorId: rated.id,
        unitId: fuxianzhang,
        evaluator,
        score: 88 - 3 * n,
        comment: '',
      });
    }
  }
  run = await fireAssessmentEvent(office, run.id, { type: 'compute', version: run.version, comment: '' });
  run = await fireAssessmentEvent(office, run.id, { type: 'freeze', version: run.version, comment: '' });
  await fireAssessmentEvent(leader, run.id, { type: 'publish', version: run.version, comment: '同意发布' });
}

/** Scores of the demo meeting's attendees, by attendee and reporter. */
const SCORES = [
  [92, 85, 78],
  [88, 82, 75],
  [90, 86, 70],
];

/**
 * A 述责述廉 meeting two weeks ago, through the real procedure: 县住建局、县应急管理局、县自然资源局 report, the
 * questions drawn from their open items are answered, three attendees score, the 纪要 is numbered.
 */
export async function seedDemoEvaluation(ctx: Ctx, regionId: string) {
  const at = dayjs(ctx.now).subtract(14, 'day').hour(9).toDate();
  const office = { ...(await asDemoUser(ctx, 'office')), now: at };
  const reporting = await ctx.db
    .select({ id: units.id, code: units.code, principal: units.principalPersonId })
    .from(units)
    .where(and(eq(units.regionId, regionId), inArray(units.code, ['ZJJ', 'YJJ', 'ZRJ'])));
  const order = ['ZJJ', 'YJJ', 'ZRJ'].map((c) => reporting.find((u) => u.code === c)).filter((x) => x !== undefined);
  const attendees = ['县纪委书记', '县委组织部部长', '党员代表'];
  let e = await createEvaluation(office, {
    kind: 'integrity',
    title: `${at.getFullYear()}年度部门主要负责人述责述廉会议`,
    year: at.getFullYear(),
    scheduledAt: at,
    place: '县委第一会议室',
    // 县住建局's principal reports in person: the scores count for him in the leader assessment too.
    reporters: order.map((u) => ({ unitId: u.id, personId: u.code === 'ZJJ' ? u.principal : null, reporterName: '' })),
    attendees,
  });
  e = await fireEvaluationEvent(office, e.id, { type: 'hold', version: e.version });
  for (const r of e.reporters) {
    if (r.questions.length > 0) continue;
    e = await fireEvaluationEvent(office, e.id, {
      type: 'ask',
      version: e.version,
      reporterId: r.id,
      question: '本单位落实“一岗双责”有哪些具体举措？班子成员分管领域的廉政风险点是否已经排查？',
    });
  }
  for (const q of e.reporters.flatMap((r) => r.questions)) {
    await answerQuestion(office, e.id, q.id, '已制定整改方案，明确责任人和完成时限，整改情况将书面报县纪委监委。');
  }
  for (const [i, attendee] of attendees.entries()) {
    e = await scoreReporters(office, e.id, {
      attendee,
      scores: e.reporters.map((r, n) => ({ reporterId: r.id, score: SCORES[i][n] })),
    });
  }
  await fireEvaluationEvent(office, e.id, {
    type: 'close',
    version: e.version,
    summary: '各单位对照质询问题逐项整改，一个月内将整改情况书面报县纪委监委；评议结果纳入年度党风廉政建设责任制考核。',
  });
}

/** Scores of the demo 督导评估 by first-level indicator (of 15, 20, 15, 15, 20, 15). */
const REVIEW_SCORES = [13, 16, 12, 11, 17, 13];

/**
 * 督导评估 in the demo county: 城关镇's education work visited ten days ago against this year's 教育督导评估
 * system, the report published today, two rectification items in the ledger and the 复查 scheduled.
 */
export async function seedDemoReview(ctx: Ctx, regionId: string) {
  const visited = dayjs(ctx.now).subtract(10, 'day');
  // Reported and handed to the ledger today: problems dispatched days ago would stand unsigned in the stall view.
  const office = await asDemoUser(ctx, 'office');
  const year = visited.year();
  const system = await createSystem(office, {
    name: `${year}年度乡镇教育工作督导评估`,
    year,
    unitType: 'township',
    templateKey: 'education_supervision',
    description: '',
  });
  const [town] = await ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.regionId, regionId), eq(units.code, 'CGZ')));
  let r = await createReview(office, {
    unitId: town.id,
    systemId: system.id,
    title: `${year}年度教育工作督导评估`,
    year,
    visitedOn: visited.format('YYYY-MM-DD'),
  });
  r = await fireReviewEvent(office, r.id, {
    type: 'score',
    version: r.version,
    scores: r.indicators.map((i, n) => ({ indicatorId: i.id, score: REVIEW_SCORES[n] ?? 0, comment: '' })),
  });
  r = await fireReviewEvent(office, r.id, {
    type: 'publish',
    version: r.version,
    conclusion: '城关镇党委政府履行教育职责总体到位，教育经费投入稳定增长，评估等次为一般，教师队伍建设需加强。',
    findings: '乡村学校教师编制缺口12名；两所村小校舍维修资金未及时拨付。',
  });
  r = await fireReviewEvent(office, r.id, {
    type: 'rectify',
    version: r.version,
    items: [
      { content: '制定补充乡村教师编制方案并报县编办', deadline: visited.add(40, 'day').format('YYYY-MM-DD') },
      { content: '拨付村小校舍维修资金并完成维修', deadline: visited.add(60, 'day').format('YYYY-MM-DD') },
    ],
  });
  await fireReviewEvent(office, r.id, {
    type: 'schedule',
    version: r.version,
    recheckOn: visited.add(70, 'day').format('YYYY-MM-DD'),
  });
}
