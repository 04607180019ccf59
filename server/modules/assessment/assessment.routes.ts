import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAssessment,
  ZAssessmentDetail,
  ZAssessmentEvent,
  ZAssessmentSettingsBody,
  ZAssessmentSettingsView,
  ZBallot,
  ZBallotAnswer,
  ZBallotParam,
  ZCopySystem,
  ZCreateAssessment,
  ZCreateIndicator,
  ZCreateSurvey,
  ZCreateSystem,
  ZIdParam,
  ZIndicatorParam,
  ZIssue,
  ZIssued,
  ZListAssessments,
  ZListSurveys,
  ZListSystems,
  ZListRatings,
  ZPersonParam,
  ZRating,
  ZRatingSheet,
  ZScores,
  ZScoresQuery,
  ZSurvey,
  ZSurveyResults,
  ZSystem,
  ZSystemDetail,
  ZTemplate,
  ZUnitParam,
  ZUnitScore,
  ZUpdateIndicator,
} from '../../../common/assessment.schema.js';
import {
  ZAnswer,
  ZCreateEvaluation,
  ZEvaluation,
  ZEvaluationDetail,
  ZEvaluationEvent,
  ZEvaluationScores,
  ZListEvaluations,
  ZQuestionParam,
  ZQuestionProblem,
  ZReporterParam,
} from '../../../common/evaluations.schema.js';
import { ZCreateReview, ZListReviews, ZReview, ZReviewDetail, ZReviewEvent } from '../../../common/reviews.schema.js';
import { ZVersion, z, zPageOf } from '../../../common/zod.js';
import { badRequest } from '../../platform/errors.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { readUpload, sendDocument, sendDocx, sendStoredFile } from '../../platform/http/files.js';
import { assessmentReport, scoresExport } from './assessment.documents.js';
import { evaluationMinutes } from './assessment.evaluation-minutes.js';
import { questionToProblem } from './assessment.evaluation-problems.js';
import * as evaluationReports from './assessment.evaluation-reports.js';
import * as evaluations from './assessment.evaluations.js';
import {
  assessmentsExport,
  evaluationsExport,
  reviewsExport,
  surveysExport,
  systemsExport,
} from './assessment.exports.js';
import * as ratings from './assessment.ratings.js';
import { reviewReport } from './assessment.review-report.js';
import * as reviews from './assessment.reviews.js';
import * as results from './assessment.scores.js';
import * as service from './assessment.service.js';
import { readAssessmentSettings, updateAssessmentSettings } from './assessment.settings.js';
import * as surveys from './assessment.surveys.js';
import * as systems from './assessment.systems.js';

const tags = ['考核评价'];
const read = { permission: 'assessment:read' as const };
const manage = { permission: 'assessment:manage' as const };
const ZOk = z.object({ ok: z.boolean() });

export async function assessmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/assessment-settings',
    { schema: { tags, response: { 200: ZAssessmentSettingsView } }, config: manage },
    (req) => req.run((ctx) => readAssessmentSettings(ctx)),
  );
  app.put(
    '/api/assessment-settings',
    { schema: { tags, body: ZAssessmentSettingsBody, response: { 200: ZAssessmentSettingsView } }, config: manage },
    (req) => req.run((ctx) => updateAssessmentSettings(ctx, req.body)),
  );

  // ---- indicator systems
  app.get(
    '/api/indicator-systems/templates',
    { schema: { tags, response: { 200: z.array(ZTemplate) } }, config: read },
    async () => systems.listTemplates(),
  );
  app.get(
    '/api/indicator-systems',
    { schema: { tags, querystring: ZListSystems, response: { 200: zPageOf(ZSystem) } }, config: read },
    (req) => req.run((ctx) => systems.listSystems(ctx, req.query)),
  );
  app.get(
    '/api/indicator-systems/export.xlsx',
    { schema: { tags, querystring: ZListSystems }, config: read },
    (req, reply) => req.run((ctx) => sendXlsxExport(reply, systemsExport(ctx, req.query))),
  );
  app.post(
    '/api/indicator-systems',
    { schema: { tags, body: ZCreateSystem, response: { 201: ZSystemDetail } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => systems.createSystem(ctx, req.body))),
  );
  app.get(
    '/api/indicator-systems/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZSystemDetail } }, config: read },
    (req) => req.run((ctx) => systems.getSystem(ctx, req.params.id)),
  );
  app.post(
    '/api/indicator-systems/:id/copy',
    { schema: { tags, params: ZIdParam, body: ZCopySystem, response: { 201: ZSystemDetail } }, config: manage },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => systems.copySystem(ctx, req.params.id, req.body.year))),
  );
  app.post(
    '/api/indicator-systems/:id/indicators',
    {
      schema: {
        tags,
        params: ZIdParam,
        body: ZCreateIndicator.extend({ version: ZVersion }),
        response: { 201: ZSystemDetail },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => systems.addIndicator(ctx, req.params.id, req.body))),
  );
  app.patch(
    '/api/indicator-systems/:id/indicators/:indicatorId',
    {
      schema: { tags, params: ZIndicatorParam, body: ZUpdateIndicator, response: { 200: ZSystemDetail } },
      config: manage,
    },
    (req) => req.run((ctx) => systems.updateIndicator(ctx, req.params.id, req.params.indicatorId, req.body)),
  );
  app.delete(
    '/api/indicator-systems/:id/indicators/:indicatorId',
    {
      schema: {
        tags,
        params: ZIndicatorParam,
        querystring: z.object({ version: z.coerce.number().int().min(0) }),
        response: { 200: ZSystemDetail },
      },
      config: manage,
    },
    (req) => req.run((ctx) => systems.deleteIndicator(ctx, req.params.id, req.params.indicatorId, req.query.version)),
  );

  // ---- assessment runs
  app.get(
    '/api/assessments',
    { schema: { tags, querystring: ZListAssessments, response: { 200: zPageOf(ZAssessment) } }, config: read },
    (req) => req.run((ctx) => service.listAssessments(ctx, req.query)),
  );
  app.get(
    '/api/assessments/export.xlsx',
    { schema: { tags, querystring: ZListAssessments }, config: read },
    (req, reply) => req.run((ctx) => sendXlsxExport(reply, assessmentsExport(ctx, req.query))),
  );
  app.post(
    '/api/assessments',
    { schema: { tags, body: ZCreateAssessment, response: { 201: ZAssessmentDetail } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createAssessment(ctx, req.body))),
  );
  app.get(
    '/api/assessments/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZAssessmentDetail } }, config: read },
    (req) => req.run((ctx) => service.getAssessment(ctx, req.params.id)),
  );
  app.post(
    '/api/assessments/:id/events',
    { schema: { tags, params: ZIdParam, body: ZAssessmentEvent, response: { 200: ZAssessmentDetail } }, config: read },
    (req) => req.run((ctx) => service.fireAssessmentEvent(ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/assessments/:id/ratings',
    { schema: { tags, params: ZIdParam, body: ZRating, response: { 200: ZOk } }, config: manage },
    (req) => req.run((ctx) => ratings.rate(ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/assessments/:id/ratings',
    {
      schema: { tags, params: ZIdParam, querystring: ZListRatings, response: { 200: ZRatingSheet } },
      config: manage,
    },
    (req) => req.run((ctx) => ratings.ratingSheet(ctx, req.params.id, req.query)),
  );
  app.get(
    '/api/assessments/:id/scores',
    { schema: { tags, params: ZIdParam, querystring: ZScoresQuery, response: { 200: ZScores } }, config: read },
    (req) => req.run((ctx) => results.scores(ctx, req.params.id, req.query.revision)),
  );
  app.get(
    '/api/assessments/:id/scores/:unitId',
    { schema: { tags, params: ZUnitParam, querystring: ZScoresQuery, response: { 200: ZUnitScore } }, config: read },
    (req) => req.run((ctx) => results.unitScore(ctx, req.params.id, req.params.unitId, req.query.revision)),
  );
  app.get(
    '/api/assessments/:id/people/:personId',
    { schema: { tags, params: ZPersonParam, querystring: ZScoresQuery, response: { 200: ZUnitScore } }, config: read },
    (req) => req.run((ctx) => results.personScore(ctx, req.params.id, req.params.personId, req.query.revision)),
  );
  // Downloads declare no response schema: the body is the file.
  app.get('/api/assessments/:id/export.xlsx', { schema: { tags, params: ZIdParam }, config: read }, (req, reply) =>
    req.run((ctx) => sendXlsxExport(reply, scoresExport(ctx, req.params.id))),
  );
  app.get(
    '/api/assessments/:id/documents/report.docx',
    { schema: { tags, params: ZIdParam, querystring: ZScoresQuery }, config: read },
    async (req, reply) => {
      const doc = await req.run((ctx) => assessmentReport(ctx, req.params.id, req.query.revision));
      return sendDocx(reply, doc.name, doc.body);
    },
  );

  // ---- 民主测评
  app.get(
    '/api/surveys',
    { schema: { tags, querystring: ZListSurveys, response: { 200: zPageOf(ZSurvey) } }, config: manage },
    (req) => req.run((ctx) => surveys.listSurveys(ctx, req.query)),
  );
  app.get('/api/surveys/export.xlsx', { schema: { tags, querystring: ZListSurveys }, config: manage }, (req, reply) =>
    req.run((ctx) => sendXlsxExport(reply, surveysExport(ctx, req.query))),
  );
  app.post(
    '/api/surveys',
    { schema: { tags, body: ZCreateSurvey, response: { 201: ZSurvey } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => surveys.createSurvey(ctx, req.body))),
  );
  app.post(
    '/api/surveys/:id/issue',
    { schema: { tags, params: ZIdParam, body: ZIssue, response: { 200: ZIssued } }, config: manage },
    (req) => req.run((ctx) => surveys.issueBallots(ctx, req.params.id, req.body.version)),
  );
  app.post(
    '/api/surveys/:id/close',
    { schema: { tags, params: ZIdParam, body: ZIssue, response: { 200: ZSurvey } }, config: manage },
    (req) => req.run((ctx) => surveys.closeSurvey(ctx, req.params.id, req.body.version)),
  );
  app.get(
    '/api/surveys/:id/results',
    { schema: { tags, params: ZIdParam, response: { 200: ZSurveyResults } }, config: manage },
    (req) => req.run((ctx) => surveys.surveyResults(ctx, req.params.id)),
  );
  // The ballot: public (the voter holds a token, not an account), rate-limited against token guessing.
  const ballot = { auth: 'public' as const, rateLimit: { max: 30, timeWindow: '1 minute' } };
  app.get(
    '/api/ballots/:token',
    { schema: { tags, params: ZBallotParam, response: { 200: ZBallot } }, config: ballot },
    (req) => req.run((ctx) => surveys.openBallot(ctx, req.params.token)),
  );
  app.post(
    '/api/ballots/:token',
    { schema: { tags, params: ZBallotParam, body: ZBallotAnswer, response: { 200: ZOk } }, config: ballot },
    (req) => req.run((ctx) => surveys.castBallot(ctx, req.params.token, req.body.answers)),
  );

  // ---- 述职评议 / 述责述廉 / 三述一评
  app.get(
    '/api/evaluations',
    { schema: { tags, querystring: ZListEvaluations, response: { 200: zPageOf(ZEvaluation) } }, config: read },
    (req) => req.run((ctx) => evaluations.listEvaluations(ctx, req.query)),
  );
  app.get(
    '/api/evaluations/export.xlsx',
    { schema: { tags, querystring: ZListEvaluations }, config: read },
    (req, reply) => req.run((ctx) => sendXlsxExport(reply, evaluationsExport(ctx, req.query))),
  );
  app.post(
    '/api/evaluations',
    { schema: { tags, body: ZCreateEvaluation, response: { 201: ZEvaluationDetail } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => evaluations.createEvaluation(ctx, req.body))),
  );
  app.get(
    '/api/evaluations/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZEvaluationDetail } }, config: read },
    (req) => req.run((ctx) => evaluations.getEvaluation(ctx, req.params.id)),
  );
  app.post(
    '/api/evaluations/:id/events',
    { schema: { tags, params: ZIdParam, body: ZEvaluationEvent, response: { 200: ZEvaluationDetail } }, config: read },
    (req) => req.run((ctx) => evaluations.fireEvaluationEvent(ctx, req.params.id, req.body)),
  );
  app.put(
    '/api/evaluations/:id/questions/:questionId',
    { schema: { tags, params: ZQuestionParam, body: ZAnswer, response: { 200: ZEvaluationDetail } }, config: manage },
    (req) => req.run((ctx) => evaluations.answerQuestion(ctx, req.params.id, req.params.questionId, req.body.answer)),
  );
  app.post(
    '/api/evaluations/:id/questions/:questionId/problem',
    {
      schema: { tags, params: ZQuestionParam, body: ZQuestionProblem, response: { 200: ZEvaluationDetail } },
      config: manage,
    },
    (req) => req.run((ctx) => questionToProblem(ctx, req.params.id, req.params.questionId, req.body.deadline)),
  );
  app.post(
    '/api/evaluations/:id/scores',
    {
      schema: { tags, params: ZIdParam, body: ZEvaluationScores, response: { 200: ZEvaluationDetail } },
      config: manage,
    },
    (req) => req.run((ctx) => evaluations.scoreReporters(ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/evaluations/:id/reporters/:reporterId/report',
    {
      schema: { tags, params: ZReporterParam, consumes: ['multipart/form-data'], response: { 201: ZEvaluationDetail } },
      config: read,
    },
    async (req, reply) => {
      const file = await req.file();
      if (!file) throw badRequest('FILE_REQUIRED', '请选择要上传的述职报告', 'file');
      const stored = await readUpload(file);
      const { id, reporterId } = req.params;
      return reply
        .status(201)
        .send(await req.run((ctx) => evaluationReports.uploadReport(ctx, id, reporterId, stored)));
    },
  );
  app.get(
    '/api/evaluations/:id/reporters/:reporterId/report',
    { schema: { tags, params: ZReporterParam }, config: read },
    async (req, reply) =>
      sendStoredFile(
        reply,
        await req.run((ctx) => evaluationReports.reportFile(ctx, req.params.id, req.params.reporterId)),
      ),
  );
  app.get(
    '/api/evaluations/:id/documents/minutes.docx',
    { schema: { tags, params: ZIdParam }, config: read },
    async (req, reply) => sendDocument(reply, await req.run((ctx) => evaluationMinutes(ctx, req.params.id))),
  );

  // ---- 督导评估
  app.get(
    '/api/supervision-reviews',
    { schema: { tags, querystring: ZListReviews, response: { 200: zPageOf(ZReview) } }, config: read },
    (req) => req.run((ctx) => reviews.listReviews(ctx, req.query)),
  );
  app.get(
    '/api/supervision-reviews/export.xlsx',
    { schema: { tags, querystring: ZListReviews }, config: read },
    (req, reply) => req.run((ctx) => sendXlsxExport(reply, reviewsExport(ctx, req.query))),
  );
  app.post(
    '/api/supervision-reviews',
    { schema: { tags, body: ZCreateReview, response: { 201: ZReviewDetail } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => reviews.createReview(ctx, req.body))),
  );
  app.get(
    '/api/supervision-reviews/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZReviewDetail } }, config: read },
    (req) => req.run((ctx) => reviews.getReview(ctx, req.params.id)),
  );
  app.post(
    '/api/supervision-reviews/:id/events',
    { schema: { tags, params: ZIdParam, body: ZReviewEvent, response: { 200: ZReviewDetail } }, config: read },
    (req) => req.run((ctx) => reviews.fireReviewEvent(ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/supervision-reviews/:id/documents/report.docx',
    { schema: { tags, params: ZIdParam }, config: read },
    async (req, reply) => sendDocument(reply, await req.run((ctx) => reviewReport(ctx, req.params.id))),
  );
}
