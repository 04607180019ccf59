import { SURVEY_DEFAULT_QUESTIONS } from '../../common/assessment.js';
import { and, eq } from 'drizzle-orm';
import { createAssessment, fireAssessmentEvent } from '../modules/assessment/assessment.service.js';
import { castBallot, createSurvey, issueBallots } from '../modules/assessment/assessment.surveys.js';
import { createSystem } from '../modules/assessment/assessment.systems.js';
import { units } from '../modules/org/org.tables.js';
import type { Ctx } from '../platform/context.js';
import { asDemoUser } from './demo-cases.js';

/** Answers of the demo ballots, by ballot and question (index into SURVEY_SCALE: 好、较好、一般、差). */
const PATTERN = [0, 0, 1, 0, 2, 1, 0, 1, 3, 0];

/**
 * 考核评价 in the demo county, through the real procedures: last year's 两个责任 assessment computed, frozen
 * and published (the commission leader approves), this year's computed and open; a 民主测评 of 县住建局
 * issued to its party members with four in five ballots answered.
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
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.regionId, regionId), eq(units.code, 'ZJJ')));
  const survey = await createSurvey(office, {
    unitId: zjj.id,
    year,
    title: `${year}年度县住建局领导班子民主测评`,
    questions: SURVEY_DEFAULT_QUESTIONS,
  });
  const { tokens } = await issueBallots(office, survey.id, survey.version);
  const voters = Math.floor((tokens.length * 4) / 5);
  for (const [i, token] of tokens.slice(0, voters).entries()) {
    await castBallot(
      ctx,
      token,
      SURVEY_DEFAULT_QUESTIONS.map((_, q) => PATTERN[(i * 3 + q) % PATTERN.length]),
    );
  }
}
