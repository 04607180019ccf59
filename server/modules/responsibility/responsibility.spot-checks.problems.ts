/**
 * What leaves a spot check: a 不实/不到位 verdict becomes one problem of the ledger (转为问题, through the problems
 * module's service, with the check's code as the problem's reference and the problem kept on the verdict), and a
 * report's recipient reads the verdicts on its report once the check is concluded.
 */
import { periodLabel } from '../../../common/responsibility.js';
import { SPOT_CHECK_STATES, type SpotCheckState } from '../../../common/responsibility.spot-checks.js';
import type { TVerdictProblem } from '../../../common/responsibility.spot-checks.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf } from '../../platform/context.js';
import { badRequest, notFound, ruleViolation } from '../../platform/errors.js';
import { requireTransition } from '../../platform/workflow/machine.js';
import * as org from '../org/org.service.js';
import { createProblem, fireEvent as fireProblemEvent } from '../problems/problems.service.js';
import { loadReport } from './responsibility.reports.js';
import * as repo from './responsibility.spot-checks.repository.js';
import { loadSpotCheck, reportRecipients, verdictLabel, verdictOf } from './responsibility.spot-checks.js';
import {
  readsSpotChecks,
  seesReportVerdicts,
  spotCheckCapacities,
  spotCheckMachine,
} from './responsibility.spot-checks.states.js';

/** 转为问题: once per verdict; the unit that rectifies is the report's unit, or the county leader's own unit. */
export async function convertVerdict(ctx: Ctx, id: string, verdictId: string, input: TVerdictProblem) {
  const a = actorOf(ctx);
  const c = await loadSpotCheck(ctx, id);
  const [row] = await repo.verdictById(ctx.db, verdictId);
  if (!row || row.v.spotCheckId !== id) throw notFound('抽查事项不存在');
  const v = row.v;
  requireTransition(spotCheckMachine, 'convert', spotCheckCapacities(a), {
    state: c.state,
    verdict: v.verdict,
    converted: !!v.problemId,
  });
  const report = (await reportRecipients(ctx.db, [v.reportId])).get(v.reportId);
  if (!report) throw notFound('季度报告不存在');
  const leader = report.recipientKind === 'leader' ? report.recipientPersonId : null;
  const unitId =
    input.unitId ?? report.unitId ?? (leader ? (await org.getPerson(ctx, leader).catch(() => null))?.unitId : null);
  if (!unitId) throw badRequest('UNIT_REQUIRED', '请选择整改责任单位', 'unitId');
  const period = periodLabel(c.year, c.quarter);
  const label = verdictLabel(v.verdict);
  const p = await createProblem(ctx, {
    title: `【抽查${label}】${row.content}`.slice(0, 200),
    description:
      `${period}主体责任落实情况抽查（${c.code}）中，${report.name}报告的责任事项“${row.content}”经核查${label}：${v.comment}${v.evidenceRef ? `（核查依据：${v.evidenceRef}）` : ''}`.slice(
        0,
        5000,
      ),
    source: 'daily',
    sourceRef: c.code,
    category: '主体责任落实',
    severity: v.verdict === 'untrue' ? 'serious' : 'general',
    unitId,
    ...(leader ? { responsiblePersonId: leader, leaderPersonId: leader } : {}),
    urgent: false,
    dispatch: false,
    measures: [
      {
        content: `针对抽查核查意见整改落实，补齐履责纪实：${v.comment}`.slice(0, 1000),
        ...(input.deadline
          ? { deadlineType: 'date' as const, deadline: input.deadline }
          : { deadlineType: 'working' as const, days: 20 }),
      },
    ],
  });
  // One problem per verdict: a second request that raced this one finds the link set and is rolled back.
  const linked = await repo.linkProblem(ctx.db, verdictId, p.id, p.code);
  if (!linked) throw ruleViolation('SPOT_CHECK_ALREADY_CONVERTED', '该事项已转为问题');
  // The supervision office dispatches it at once, as patrol findings and case recommendations are.
  if (a.permissions.has('problems:manage')) {
    await fireProblemEvent(ctx, p.id, {
      type: 'dispatch',
      version: p.version,
      comment: `主体责任抽查 ${c.code} 核查${label}，转为问题交办`,
      fileIds: [],
    });
  }
  await repo.insertEvent(ctx.db, {
    spotCheckId: id,
    type: 'convert',
    fromState: c.state,
    toState: c.state,
    actorUserId: a.userId,
    actorName: a.displayName,
    at: ctx.now,
    comment: `“${row.content.slice(0, 40)}”转为问题 ${p.code}`,
  });
  await recordAudit(ctx, {
    type: 'spot_check.problem_created',
    entity: 'spot_check',
    entityId: id,
    after: { verdictId, problemId: p.id, problemCode: p.code },
  });
  return verdictOf(ctx, c, verdictId);
}

/**
 * The verdicts on one report: all of them for those who read spot checks; the report's own recipient sees those
 * of concluded checks; anyone else, 404.
 */
export async function reportVerdicts(ctx: Ctx, reportId: string) {
  const a = actorOf(ctx);
  const r = await loadReport(ctx, reportId);
  const reader = readsSpotChecks(a);
  if (!seesReportVerdicts(a, r)) throw notFound('抽查结论不存在或无权查看');
  const { checks, verdicts } = await repo.verdictsOfReport(ctx.db, reportId, !reader);
  return {
    items: verdicts.flatMap(({ v, dispatchCode, content }) => {
      const c = checks.find((x) => x.id === v.spotCheckId);
      if (!c) return [];
      return [
        {
          id: v.id,
          spotCheckId: c.id,
          spotCheckCode: c.code,
          spotCheckStateLabel: SPOT_CHECK_STATES[c.state as SpotCheckState],
          concludedAt: c.concludedAt,
          dispatchCode,
          content,
          verdict: v.verdict,
          verdictLabel: verdictLabel(v.verdict),
          comment: v.comment,
          problemCode: v.problemCode,
        },
      ];
    }),
  };
}
