import crypto from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import dayjs from 'dayjs';
import { isoDate } from '../platform/calendar/working-days.js';
import type { Ctx } from '../platform/context.js';
import { groupUnits, groups, units } from '../modules/org/org.tables.js';
import {
  patrolCases,
  patrolCirculars,
  patrolEvents,
  patrolFindings,
  patrolGroupReviews,
  patrolInspections,
  patrolTasks,
} from '../modules/patrol/patrol.tables.js';
import { problems } from '../modules/problems/problems.tables.js';

const TASKS: [string, string, string][] = [
  ['安全生产大排查大整治专项督查', '在建工地、危化品企业安全防护和隐患整改', 'special'],
  ['重点项目建设进度暗访督导', '省市重点项目时间节点任务完成情况', 'unannounced'],
  ['节假日值班值守突击检查', '值班制度落实、带班领导在岗情况', 'unannounced'],
  ['优化营商环境日常督导', '“一窗通办”、涉企检查和账款清偿', 'daily'],
  ['巡察反馈问题整改跟进督导', '市委巡察反馈问题整改台账逐项销号', 'meeting'],
];
const FINDINGS: [string, string, string][] = [
  ['安全生产', '在建工地脚手架未设置连墙件', '责令停工整改，逐项复查脚手架搭设'],
  ['作风建设', '值班人员脱岗，带班领导不在岗', '严格落实值班制度，对相关人员批评教育'],
  ['项目推进', '重点项目征地拆迁进度滞后于时间节点', '成立专班，倒排工期，每周调度'],
  ['营商环境', '企业开办仍需多头跑、重复提交材料', '梳理办事流程，实行一窗受理'],
  ['安全生产', '危化品仓库消防通道被占用', '清理通道杂物，建立每日巡查台账'],
  ['巡察整改', '巡察反馈问题整改台账未逐项销号', '建立整改台账，逐项对账销号'],
];
/** The finding states cycled through, so every state is in the demo. */
const FINDING_PLAN = [
  'submitted',
  'dispatched',
  'escalated',
  'dispatched',
  'closed',
  'merged',
  'instructed',
  'dispatched',
];
const PROJECTS = ['城北棚户区改造项目', '县第二污水处理厂扩建项目', '产业园标准厂房项目', ''];

/**
 * Six patrol groups at work: task sheets in every state, visits (two thirds unannounced), findings in
 * every state — dispatched ones linked to demo problems of source 督导巡查 — circulars, typical cases
 * and group reviews. Rows are written in a few batches to keep the first start fast.
 */
export async function seedDemoPatrol(ctx: Ctx, regionId: string) {
  const db = ctx.db;
  const today = dayjs(isoDate(ctx.now));
  const year = today.year();
  const at = (d: dayjs.Dayjs) => d.hour(10).toDate();
  const patrolGroups = await db
    .select()
    .from(groups)
    .where(and(eq(groups.regionId, regionId), eq(groups.kind, 'patrol')))
    .orderBy(asc(groups.sortOrder));
  const links = await db
    .select()
    .from(groupUnits)
    .where(
      inArray(
        groupUnits.groupId,
        patrolGroups.map((g) => g.id),
      ),
    );
  const byCode = await db
    .select({ id: problems.id, unitId: problems.unitId })
    .from(problems)
    .where(and(eq(problems.regionId, regionId), eq(problems.source, 'patrol')))
    .orderBy(asc(problems.code));
  // Early and late demo problems alternate, so dispatched findings have open and closed problems alike.
  const pool = byCode.flatMap((_, i) => (i % 2 ? [byCode[byCode.length - 1 - (i >> 1)]] : [byCode[i >> 1]]));

  const tasks: (typeof patrolTasks.$inferInsert)[] = [];
  const inspections: (typeof patrolInspections.$inferInsert)[] = [];
  const findings: (typeof patrolFindings.$inferInsert)[] = [];
  const events: (typeof patrolEvents.$inferInsert)[] = [];
  const ev = (
    entity: string,
    entityId: string,
    type: string,
    from: string | null,
    to: string,
    when: dayjs.Dayjs,
    comment = '',
  ) =>
    events.push({ entity, entityId, type, fromState: from, toState: to, actorName: '演示数据', at: at(when), comment });
  let taskNo = 0;
  let findingNo = 0;
  let problemNo = 0;
  const dispatchedIds: string[] = [];

  patrolGroups.forEach((g, gi) => {
    const covered = links.filter((l) => l.groupId === g.id).map((l) => l.unitId);
    const states = [
      'completed',
      'reported',
      'in_progress',
      'issued',
      gi === 0 ? 'draft' : gi === 1 ? 'cancelled' : 'in_progress',
    ];
    states.forEach((state, ti) => {
      const [title, focus, method] = TASKS[(gi + ti) % TASKS.length];
      const start = today.subtract(100 - ti * 20 - gi * 3, 'day');
      const id = crypto.randomUUID();
      const targets = [covered[ti % covered.length], covered[(ti + 1) % covered.length]].filter(Boolean);
      const project = PROJECTS[(gi + ti) % PROJECTS.length];
      tasks.push({
        id,
        regionId,
        code: `督交〔${year}〕${++taskNo}号`,
        groupId: g.id,
        title,
        targetUnitIds: [...new Set(targets)],
        projects: project ? [project] : [],
        focus,
        method,
        periodStart: start.format('YYYY-MM-DD'),
        periodEnd: start.add(30, 'day').format('YYYY-MM-DD'),
        deadline: start.add(40, 'day').format('YYYY-MM-DD'),
        requirements: '发现问题直接向领导小组办公室反馈，不单独向被督导单位反馈',
        state,
        report:
          state === 'completed' || state === 'reported'
            ? `共督导${targets.length}个单位，发现问题若干，已报送领导小组办公室。`
            : '',
        issuedAt: state === 'draft' ? null : at(start),
        reportedAt: state === 'completed' || state === 'reported' ? at(start.add(28, 'day')) : null,
        completedAt: state === 'completed' ? at(start.add(32, 'day')) : null,
        createdAt: at(start.subtract(1, 'day')),
      });
      if (state !== 'draft') ev('task', id, 'issue', 'draft', 'issued', start);
      if (state === 'cancelled')
        ev('task', id, 'cancel', 'issued', 'cancelled', start.add(2, 'day'), '任务调整，另行交办');
      if (!['in_progress', 'reported', 'completed'].includes(state)) return;
      ev('task', id, 'start', 'issued', 'in_progress', start.add(1, 'day'));
      if (state !== 'in_progress') ev('task', id, 'report', 'in_progress', 'reported', start.add(28, 'day'));
      if (state === 'completed') ev('task', id, 'complete', 'reported', 'completed', start.add(32, 'day'));
      // Three visits per task, two of them unannounced (四不两直).
      for (let v = 0; v < 3; v++) {
        const date = start.add(2 + v * 7, 'day');
        if (date.isAfter(today)) break;
        const unitId = targets[v % targets.length];
        const inspectionId = crypto.randomUUID();
        inspections.push({
          id: inspectionId,
          regionId,
          groupId: g.id,
          taskId: id,
          date: date.format('YYYY-MM-DD'),
          place: project && v === 0 ? `${project}施工现场` : '被督导单位办公区及服务窗口',
          method: v === 2 ? method : 'unannounced',
          unitIds: [unitId],
          project: v === 0 ? project : '',
          peopleMet: '单位分管负责人、现场工作人员',
          notes: `围绕“${focus}”开展督导，查阅台账、现场查看、个别访谈。`,
          createdByName: g.name,
          createdAt: at(date),
        });
        const plan = FINDING_PLAN[findingNo % FINDING_PLAN.length];
        const [category, text, suggestion] = FINDINGS[findingNo % FINDINGS.length];
        const fid = crypto.randomUUID();
        const code = `DF${year}-${String(++findingNo).padStart(4, '0')}`;
        const linked = plan === 'dispatched' || plan === 'instructed' ? pool[problemNo++] : undefined;
        const state = linked ? 'dispatched' : plan === 'instructed' ? 'escalated' : plan;
        if (linked) dispatchedIds.push(linked.id);
        const escalated = plan === 'escalated' || plan === 'instructed';
        findings.push({
          id: fid,
          regionId,
          code,
          groupId: g.id,
          taskId: id,
          inspectionId,
          unitId: linked?.unitId ?? unitId,
          project: v === 0 ? project : '',
          title: text,
          description: `${date.format('M月D日')}督导发现：${text}。`,
          suggestion,
          category,
          severity: findingNo % 5 === 0 ? 'serious' : 'general',
          state,
          mergedIntoId: plan === 'merged' ? (findings.at(-1)?.id ?? null) : null,
          problemIds: linked ? [linked.id] : [],
          escalatedTo: escalated ? (plan === 'instructed' ? 'principal_leaders' : 'leading_group') : null,
          instruction: plan === 'instructed' && linked ? '请相关部门立即整改，一周内报告结果' : null,
          instructedBy: plan === 'instructed' && linked ? '党工委书记' : null,
          instructedAt: plan === 'instructed' && linked ? at(date.add(3, 'day')) : null,
          closeReason: plan === 'closed' ? '督导期间已当场整改到位' : null,
          reportedByName: g.name,
          createdAt: at(date),
        });
        const d1 = date.add(2, 'day');
        if (plan === 'merged') ev('finding', fid, 'merge', 'submitted', 'merged', d1, '与其他组发现重复');
        if (plan === 'closed') ev('finding', fid, 'close', 'submitted', 'closed', d1, '督导期间已当场整改到位');
        if (escalated) ev('finding', fid, 'escalate', 'submitted', 'escalated', d1, '涉及多个部门，难以协调');
        if (plan === 'instructed' && linked)
          ev('finding', fid, 'instruct', 'escalated', 'dispatched', date.add(3, 'day'), '请相关部门立即整改');
        if (plan === 'dispatched' && linked) ev('finding', fid, 'dispatch', 'submitted', 'dispatched', d1);
      }
    });
  });
  await db.insert(patrolTasks).values(tasks);
  if (inspections.length) await db.insert(patrolInspections).values(inspections);
  if (findings.length) await db.insert(patrolFindings).values(findings);
  for (const f of findings) {
    if (f.problemIds?.length)
      await db.update(problems).set({ sourceRef: f.code }).where(eq(problems.id, f.problemIds[0]));
  }

  // Circulars: the 值班值守 check named five units (seed 001); an interview proposal; a draft.
  const named = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.regionId, regionId), inArray(units.code, ['ZJJ', 'YJJ', 'CGJ', 'ZRJ', 'JTJ'])));
  const onDuty = findings.filter((f) => f.title?.startsWith('值班人员脱岗')).slice(0, 5);
  const published = today.subtract(20, 'day');
  const circulars: (typeof patrolCirculars.$inferInsert)[] = [
    {
      regionId,
      code: `督通〔${year}〕1号`,
      kind: 'circular',
      title: '关于节假日期间值班值守突击检查情况的通报',
      body: '第六督导巡查组组织开展节假日期间值班值守突击检查，发现5个单位未严格落实值班要求，现予以全县通报批评。\n各单位要引以为戒，严格落实值班值守和领导带班制度。',
      findingIds: onDuty.map((f) => f.id as string),
      unitIds: named.map((u) => u.id),
      people: ['值班人员王某', '带班领导李某'],
      state: 'published',
      approvedBy: '演示数据',
      approvedAt: at(published.subtract(1, 'day')),
      publishedAt: at(published),
      createdAt: at(published.subtract(2, 'day')),
    },
    {
      regionId,
      code: `督约〔${year}〕1号`,
      kind: 'interview',
      title: '关于约谈重点项目推进不力单位主要负责人的建议',
      body: '经多次督促，重点项目征地拆迁仍严重滞后，建议由领导小组约谈相关单位主要负责人，并进行全区通报。',
      findingIds: findings
        .filter((f) => f.title?.startsWith('重点项目'))
        .slice(0, 2)
        .map((f) => f.id as string),
      unitIds: named.slice(0, 1).map((u) => u.id),
      state: 'published',
      approvedBy: '演示数据',
      approvedAt: at(published),
      publishedAt: at(published.add(1, 'day')),
      createdAt: at(published.subtract(1, 'day')),
    },
    {
      regionId,
      code: `督通〔${year}〕2号`,
      kind: 'circular',
      title: '关于安全生产专项督查发现问题的通报',
      body: '在安全生产大排查大整治专项督查中发现部分单位隐患整改不到位，现予以通报。',
      findingIds: findings
        .filter((f) => f.category === '安全生产')
        .slice(0, 3)
        .map((f) => f.id as string),
      unitIds: named.slice(1, 3).map((u) => u.id),
      state: 'draft',
      createdAt: at(today.subtract(2, 'day')),
    },
  ];
  await db.insert(patrolCirculars).values(circulars);
  await db.insert(patrolCases).values([
    {
      regionId,
      kind: 'positive',
      title: '分时分批、集中办公，城乡公益性岗位扩容如期完成',
      body: '第五督导巡查组接到提醒函后下沉镇（街道）一线实地督导，摸清实情、梳理问题，采取分时分批、集中办公等方式，岗位完成率和人员上岗率均提高到100%。',
      state: 'published',
      publishedAt: at(today.subtract(30, 'day')),
      createdAt: at(today.subtract(31, 'day')),
    },
    {
      regionId,
      kind: 'negative',
      title: '值班值守形同虚设被全县通报',
      body: '节假日期间个别单位值班人员脱岗、带班领导不在岗，被第六督导巡查组突击检查发现并全县通报批评。',
      findingId: onDuty[0]?.id ?? null,
      unitId: named[0]?.id ?? null,
      state: 'published',
      publishedAt: at(published),
      createdAt: at(published),
    },
    {
      regionId,
      kind: 'positive',
      title: '台账式推进重要会议议定事项',
      body: '第三督导巡查组建立重要会议和主要负责同志调研期间安排事项定期调度机制，实行台账式推进、逐项销号。',
      state: 'draft',
      createdAt: at(today.subtract(3, 'day')),
    },
  ]);
  await db.insert(patrolGroupReviews).values(
    patrolGroups.flatMap((g, i) => [
      {
        regionId,
        groupId: g.id,
        kind: 'semiannual',
        period: `${year}-H1`,
        report: `${g.name}上半年围绕中心工作开展督导，向党工委书记、管委会主任报告工作。`,
        submittedBy: g.name,
        createdAt: at(dayjs(`${year}-07-05`)),
      },
      {
        regionId,
        groupId: g.id,
        kind: 'annual',
        period: String(year - 1),
        report: `${g.name}${year - 1}年度述职`,
        score: 95 - i * 2,
        comment: '述职评议结果纳入服务高质量发展绩效考核',
        submittedBy: '演示数据',
        createdAt: at(dayjs(`${year}-01-15`)),
      },
    ]),
  );
  if (events.length) await db.insert(patrolEvents).values(events);
}
