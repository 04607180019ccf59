/**
 * Demo 明责 (seed 004's six mechanisms, seed 002's party-building lists): a catalogue, the year's year-start
 * prompts and quarterly lists for every county leader and some units, fulfilment (some late), 增派单 from
 * real demo problems and a finding, and quarterly reports in every state.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { quarterEnd, quarterOf } from '../../common/responsibility.js';
import { isoDate } from '../platform/calendar/working-days.js';
import type { Ctx } from '../platform/context.js';
import { units } from '../modules/org/org.tables.js';
import { patrolFindings } from '../modules/patrol/patrol.tables.js';
import { problems } from '../modules/problems/problems.tables.js';
import { DISPATCH_SHEET } from '../modules/responsibility/responsibility.numbering.js';
import { generateQuarter } from '../modules/responsibility/responsibility.sets.js';
import {
  dispatchEvents,
  dispatchItems,
  dispatches,
  responsibilityItems,
  responsibilityReportEvents,
  responsibilityReports,
} from '../modules/responsibility/responsibility.tables.js';
import { seedDemoCommitments } from './demo-commitments.js';
import { CATALOGUE } from './demo-responsibility.data.js';
import { seedDemoSpotCheck } from './demo-spot-checks.js';

const UNIT_LISTS = ['ZJJ', 'YJJ', 'ZRJ', 'CGJ', 'JYJ'];

export async function seedDemoResponsibility(ctx: Ctx, regionId: string) {
  const db = ctx.db;
  const now = isoDate(ctx.now);
  const year = Number(now.slice(0, 4));
  const lastQuarter = quarterOf(now);
  await db.insert(responsibilityItems).values(
    CATALOGUE.map(([subjectKind, category, content, target, evidence, frequency], i) => ({
      regionId,
      subjectKind,
      category,
      content,
      target,
      evidence,
      frequency,
      sortOrder: i + 1,
    })),
  );
  const at = (d: string) => new Date(`${d}T09:00:00+08:00`);
  // 年初提示 to every county leader: the yearly items of 班子成员, one set-based insert (as the quarterly ones).
  for (let q = 1; q <= lastQuarter; q++) {
    const issuedOn = `${year}-${String(q * 3 - 2).padStart(2, '0')}-05`;
    await generateQuarter(db, {
      regionId,
      year,
      quarter: q,
      subjectKind: 'member',
      frequencies: ['quarterly', 'monthly', ...(q % 2 === 0 ? ['half_yearly'] : []), ...(q === 4 ? ['yearly'] : [])],
      deadline: quarterEnd(year, q),
      deadlineRule: '',
      issuedOn,
      title: `${year}年第${q}季度主体责任清单`,
      userId: null,
      actorName: '党风廉政建设责任制工作领导小组办公室',
      at: at(issuedOn),
    });
  }
  const leaders = (await db.execute(
    sql`SELECT DISTINCT recipient_person_id AS id FROM dispatches WHERE region_id = ${regionId}`,
  )) as unknown as { rows: { id: string }[] };
  const unitRows = await db
    .select()
    .from(units)
    .where(and(eq(units.regionId, regionId), inArray(units.code, UNIT_LISTS), isNull(units.deletedAt)));
  let n = 0;
  const code = () => `PD${year}-D${String(++n).padStart(4, '0')}`;
  const catalogue = await db
    .select()
    .from(responsibilityItems)
    .where(eq(responsibilityItems.regionId, regionId))
    .orderBy(asc(responsibilityItems.sortOrder));
  const ofKind = (k: string, freqs: string[]) =>
    catalogue.filter((c) => c.subjectKind === k && freqs.includes(c.frequency));
  const addList = async (
    v: Omit<typeof dispatches.$inferInsert, 'regionId' | 'code' | 'state'>,
    items: { content: string; category?: string; target?: string; evidence?: string; catalogueItemId?: string }[],
    deadline: string,
  ) => {
    const [d] = await db
      .insert(dispatches)
      .values({ ...v, regionId, code: code(), state: 'issued' })
      .returning();
    await db
      .insert(dispatchItems)
      .values(items.map((c, i) => ({ ...c, dispatchId: d.id, regionId, deadline, sortOrder: i + 1 })));
    await db.insert(dispatchEvents).values({
      dispatchId: d.id,
      type: 'issue',
      fromState: 'draft',
      toState: 'issued',
      actorName: '党风廉政建设责任制工作领导小组办公室',
      at: at(v.issuedOn as string),
    });
    return d;
  };
  const copy = (c: (typeof catalogue)[number]) => ({
    catalogueItemId: c.id,
    category: c.category,
    content: c.content,
    target: c.target,
    evidence: c.evidence,
  });
  for (const l of leaders.rows) {
    await addList(
      {
        kind: 'prompt',
        year,
        quarter: null,
        recipientKind: 'leader',
        recipientPersonId: l.id,
        title: `${year}年度主体责任年初提示`,
        issuedOn: `${year}-01-05`,
      },
      ofKind('member', ['yearly', 'half_yearly']).map(copy),
      `${year}-12-31`,
    );
  }
  for (const u of unitRows) {
    for (let q = 1; q <= lastQuarter; q++) {
      await addList(
        {
          kind: 'quarterly',
          year,
          quarter: q,
          recipientKind: 'leadership',
          unitId: u.id,
          title: `${year}年第${q}季度领导班子主体责任清单`,
          issuedOn: `${year}-${String(q * 3 - 2).padStart(2, '0')}-08`,
        },
        [...ofKind('leadership', ['quarterly', 'monthly']), ...ofKind('party_org', ['quarterly'])].map(copy),
        quarterEnd(year, q),
      );
    }
  }
  // 增派单 from real demo problems (their county leader in charge) and a patrol finding (its unit).
  const sourceProblems = await db
    .select()
    .from(problems)
    .where(
      and(
        eq(problems.regionId, regionId),
        sql`${problems.leaderPersonId} IS NOT NULL`,
        sql`${problems.state} <> 'draft'`,
      ),
    )
    .orderBy(asc(problems.code))
    .limit(3);
  for (const p of sourceProblems) {
    await addList(
      {
        kind: 'extra',
        year,
        quarter: null,
        recipientKind: 'leader',
        recipientPersonId: p.leaderPersonId,
        title: `关于督促整改“${p.title}”的主体责任增派单`,
        sourceType: 'problem',
        sourceId: p.id,
        issuedOn: `${year}-${String(Math.max(1, lastQuarter * 3 - 1)).padStart(2, '0')}-10`,
      },
      [
        {
          category: '督促整改',
          content: `督促分管单位整改：${p.title}`,
          target: '每月听取1次整改进展汇报',
          evidence: '听取汇报记录、整改报告',
        },
        {
          category: '建章立制',
          content: '针对问题暴露的管理缺失、制度缺位，督促建立长效机制',
          target: '完善制度不少于1项',
          evidence: '制度文件',
        },
      ],
      quarterEnd(year, lastQuarter),
    );
  }
  const [finding] = await db
    .select()
    .from(patrolFindings)
    .where(eq(patrolFindings.regionId, regionId))
    .orderBy(asc(patrolFindings.code))
    .limit(1);
  if (finding) {
    await addList(
      {
        kind: 'extra',
        year,
        quarter: null,
        recipientKind: 'leadership',
        unitId: finding.unitId,
        title: `关于督导发现“${finding.title}”的主体责任增派单`,
        sourceType: 'finding',
        sourceId: finding.id,
        issuedOn: `${year}-${String(Math.max(1, lastQuarter * 3 - 1)).padStart(2, '0')}-12`,
      },
      [
        {
          category: '问题整改',
          content: `对照督导发现逐项整改：${finding.title}`,
          target: '30日内报送整改情况',
          evidence: '整改报告、佐证材料',
        },
      ],
      quarterEnd(year, lastQuarter),
    );
  }
  // 履责纪实: items of past quarters mostly fulfilled (one in seven late), the current quarter about half.
  await db.execute(sql`
    WITH picked AS (
      SELECT i.id, i.deadline, row_number() OVER (ORDER BY d.code, i.sort_order) AS k
      FROM dispatch_items i JOIN dispatches d ON d.id = i.dispatch_id
      WHERE d.region_id = ${regionId} AND i.deadline < ${now}::date + 60
    ), done AS (
      SELECT id, deadline, k,
             LEAST(CASE WHEN k % 7 = 0 THEN deadline + 5 ELSE deadline - (k % 20)::int END, ${now}::date) AS done_on
      FROM picked WHERE k % 5 <> 0 AND (deadline < ${now}::date OR k % 2 = 0)
    ), upd AS (
      UPDATE dispatch_items i SET fulfilled_on = done.done_on, late = done.done_on > done.deadline
      FROM done WHERE done.id = i.id RETURNING i.id
    )
    INSERT INTO fulfilments (dispatch_item_id, dispatch_id, done_on, description, late, recorded_by_name, created_at)
    SELECT i.id, i.dispatch_id, done.done_on,
           '已按要求落实：' || left(i.content, 40) || '。相关会议记录、工作台账已归档。',
           done.done_on > done.deadline, '演示数据', ${ctx.now}
    FROM done JOIN dispatch_items i ON i.id = done.id`);
  await db.execute(
    sql`UPDATE dispatches SET state = 'received' WHERE region_id = ${regionId} AND state = 'issued' AND (quarter IS NULL OR quarter < ${lastQuarter})`,
  );
  // Reports in every state: the first county leader's quarters and 住建局's.
  const zjj = unitRows.find((u) => u.code === 'ZJJ');
  const states = ['approved', 'approved', 'returned', 'submitted', 'draft'];
  const firstLeader = leaders.rows[0]?.id;
  for (let q = 1; q <= lastQuarter; q++) {
    for (const r of [
      ...(zjj ? [{ recipientKind: 'leadership', unitId: zjj.id, recipientPersonId: null }] : []),
      ...(firstLeader ? [{ recipientKind: 'leader', unitId: null, recipientPersonId: firstLeader }] : []),
    ]) {
      // 住建局's current quarter is left for the browser journey (fulfil, submit, approve).
      if (r.unitId && q === lastQuarter) continue;
      const state = states[Math.min(q - 1 + (r.unitId ? 1 : 0), states.length - 1)];
      const [row] = await db
        .insert(responsibilityReports)
        .values({
          regionId,
          year,
          quarter: q,
          ...r,
          summary: `${year}年第${q}季度主体责任落实情况：按清单逐项落实，佐证材料见各事项履责纪实。`,
          state,
          submittedAt: state === 'draft' ? null : at(quarterEnd(year, q)),
          approvedAt: state === 'approved' ? at(quarterEnd(year, q)) : null,
        })
        .returning();
      await db.insert(responsibilityReportEvents).values({
        reportId: row.id,
        type: 'created',
        toState: 'draft',
        actorName: '演示数据',
        at: at(quarterEnd(year, q)),
      });
    }
  }
  // Every issued list has its numbered sheet, numbered in the order the lists went out.
  const issued = await db
    .select({ id: dispatches.id, issuedOn: dispatches.issuedOn })
    .from(dispatches)
    .where(and(eq(dispatches.regionId, regionId), sql`${dispatches.issuedOn} IS NOT NULL`))
    .orderBy(asc(dispatches.issuedOn), asc(dispatches.code));
  for (const day of [...new Set(issued.map((d) => d.issuedOn as string))]) {
    const ids = issued.filter((d) => d.issuedOn === day).map((d) => d.id);
    await DISPATCH_SHEET.issueAll(ctx, regionId, ids, { issuedOn: day });
  }
  // 定期抽查制: a concluded spot check of the first quarter.
  await seedDemoSpotCheck(ctx, year);
  // 签字承诺: this year's texts, signed by some (demo-commitments.ts).
  await seedDemoCommitments(ctx);
}
