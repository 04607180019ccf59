import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import dayjs from 'dayjs';
import { TALK_FORM_OF_FOUR } from '../../common/talks.js';
import type { Ctx } from '../platform/context.js';
import { people, units } from '../modules/org/org.tables.js';
import { problems } from '../modules/problems/problems.tables.js';
import { talkEvents, talks } from '../modules/talks/talks.tables.js';
import { toleranceEvents, toleranceFilings } from '../modules/tolerance/tolerance.tables.js';

const v1 = (key: string) => ({ key, scope: '', version: 1, effectiveFrom: '2018-05-20' });
const LISTS_V1 = { positive: v1('tolerance_positive'), negative: v1('tolerance_negative') };
import { warnings } from '../modules/warnings/warnings.tables.js';
import { FILINGS, TALKS } from './demo-tolerance-talks.data.js';

/** Demo pre-registrations (容错免责备案) in every state and talks of every kind, some linked to problems and warnings. */
export async function seedDemoToleranceTalks(ctx: Ctx, regionId: string) {
  const db = ctx.db;
  const codes = [
    ...new Set([
      ...FILINGS.map((f) => f.unit),
      ...TALKS.flatMap((t) => [...t.subjects, t.subjectUnit ?? '', t.talker]),
    ]),
  ];
  const unitRows = await db
    .select()
    .from(units)
    .where(and(eq(units.regionId, regionId), inArray(units.code, codes.filter(Boolean))));
  const unit = (code: string) => {
    const u = unitRows.find((x) => x.code === code);
    if (!u) throw new Error(`demo unit ${code} missing`);
    return u;
  };
  const principal = (code: string) => unit(code).principalPersonId as string;

  for (const [i, f] of FILINGS.entries()) {
    const u = unit(f.unit);
    const deputies = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.unitId, u.id), eq(people.isLeader, true), isNull(people.deletedAt)))
      .limit(2);
    const personIds = [
      u.principalPersonId as string,
      ...(i % 2
        ? deputies
            .map((d) => d.id)
            .filter((d) => d !== u.principalPersonId)
            .slice(0, 1)
        : []),
    ];
    const submitted = f.state !== 'draft';
    const at = new Date(`${f.decidedOn}T09:00:00+08:00`);
    const [row] = await db
      .insert(toleranceFilings)
      .values({
        regionId,
        code: `RC${f.decidedOn.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`,
        unitId: u.id,
        personIds,
        matter: f.matter,
        decision: f.decision,
        basis: f.basis,
        exploratory: f.exploratory,
        minutes: `${f.decidedOn.slice(0, 4)}年局党组（领导班子）会议集体研究，同意${f.matter}方案，会议纪要已存档。`,
        dissent: f.dissent ?? '',
        risk: f.risk,
        decidedOn: f.decidedOn,
        reviewOn: f.reviewOn,
        // 容错情形清单 version 1: exploratory matters are reform pilots, the others development without private gain.
        toleranceItems: f.exploratory ? ['reform_pilot', 'exploration'] : ['development'],
        listsCited: submitted ? LISTS_V1 : null,
        state: f.state,
        returnReason: f.returnReason ?? null,
        submittedAt: submitted ? at : null,
        approvedAt: f.state === 'approved' ? dayjs(at).add(3, 'day').toDate() : null,
        approvalComment: f.state === 'approved' ? '同意备案。请严格按方案实施，定期报告进展。' : null,
      })
      .returning({ id: toleranceFilings.id });
    const events: (typeof toleranceEvents.$inferInsert)[] = [
      {
        filingId: row.id,
        type: submitted ? 'submit' : 'created',
        toState: submitted ? 'submitted' : 'draft',
        actorName: '演示数据',
        at,
      },
    ];
    if (f.state === 'approved' || f.state === 'returned')
      events.push({
        filingId: row.id,
        type: f.state === 'approved' ? 'approve' : 'return',
        fromState: 'submitted',
        toState: f.state,
        actorName: '演示数据',
        at: dayjs(at).add(3, 'day').toDate(),
        comment: f.returnReason ?? '同意备案',
      });
    await db.insert(toleranceEvents).values(events);
  }
  await db.execute(sql`SELECT setval('tolerance_code_seq', ${FILINGS.length + 1}, false)`);

  const linkedProblems = await db
    .select({ id: problems.id, unitId: problems.unitId })
    .from(problems)
    .where(
      and(
        eq(problems.regionId, regionId),
        inArray(
          problems.unitId,
          unitRows.map((u) => u.id),
        ),
      ),
    )
    .limit(50);
  const linkedWarnings = await db
    .select({ id: warnings.id, unitId: warnings.unitId })
    .from(warnings)
    .where(eq(warnings.regionId, regionId))
    .limit(50);
  for (const [i, t] of TALKS.entries()) {
    const subjectUnitIds = t.subjects.map((c) => unit(c).id);
    const unitIds = [...new Set([...subjectUnitIds, ...(t.subjectUnit ? [unit(t.subjectUnit).id] : [])])];
    const on = dayjs(ctx.now).subtract(t.daysAgo, 'day');
    const problem = t.link === 'problem' ? linkedProblems.find((p) => unitIds.includes(p.unitId)) : undefined;
    const warning =
      t.link === 'warning'
        ? (linkedWarnings.find((w) => unitIds.includes(w.unitId)) ??
          linkedWarnings[i % Math.max(linkedWarnings.length, 1)])
        : undefined;
    const warningUnits = warning ? [...new Set([...unitIds, warning.unitId])] : unitIds;
    const recorded = t.state !== 'planned';
    const [row] = await db
      .insert(talks)
      .values({
        regionId,
        code: `TH${on.year()}-${String(i + 1).padStart(4, '0')}`,
        kind: t.kind,
        talkerPersonIds: [principal(t.talker)],
        talkerNames: '',
        subjectPersonIds: t.subjects.map(principal),
        subjectUnitId: t.subjectUnit ? unit(t.subjectUnit).id : null,
        unitIds: warningUnits,
        reason: t.reason,
        talkOn: on.format('YYYY-MM-DD'),
        place: '县纪委监委谈话室',
        record: recorded
          ? `谈话人指出问题，谈话对象表示接受批评，认识到${t.reason.replace(/，.*$/, '')}的严重性，将立即组织整改。`
          : '',
        recordedAt: recorded ? on.toDate() : null,
        followUpRequired: t.followUp ?? '',
        followUpDue: t.followUp ? on.add(30, 'day').format('YYYY-MM-DD') : null,
        followUpDone: t.followUpDone ?? false,
        followUpResult: t.followUpDone ? '已按要求整改到位，经回访核实。' : '',
        followedUpAt: t.followUpDone ? on.add(20, 'day').toDate() : null,
        problemId: problem?.id ?? null,
        warningId: warning?.id ?? null,
        formOfFour: TALK_FORM_OF_FOUR[t.kind],
        state: t.state,
        closedAt: t.state === 'closed' ? on.add(25, 'day').toDate() : null,
      })
      .returning({ id: talks.id });
    const events: (typeof talkEvents.$inferInsert)[] = [
      {
        talkId: row.id,
        type: 'created',
        toState: 'planned',
        actorName: '演示数据',
        at: on.subtract(3, 'day').toDate(),
      },
    ];
    if (recorded)
      events.push({
        talkId: row.id,
        type: 'record',
        fromState: 'planned',
        toState: 'recorded',
        actorName: '演示数据',
        at: on.toDate(),
      });
    if (t.state === 'closed')
      events.push({
        talkId: row.id,
        type: 'close',
        fromState: 'recorded',
        toState: 'closed',
        actorName: '演示数据',
        at: on.add(25, 'day').toDate(),
      });
    await db.insert(talkEvents).values(events);
  }
  await db.execute(sql`SELECT setval('talk_code_seq', ${TALKS.length + 1}, false)`);
}
