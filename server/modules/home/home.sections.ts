import { formatDate } from '../../../common/format.js';
import type { HomeGroup } from '../../../common/home.schema.js';
import type { Permission, Role } from '../../../common/roles.js';
import { ZListCases, ZListInfluencePeriods } from '../../../common/cases.schema.js';
import { ZListNotifications } from '../../../common/notifications.schema.js';
import { ZListFindings, ZListTasks } from '../../../common/patrol.schema.js';
import { ZListProblems } from '../../../common/problems.schema.js';
import { ZListTalks } from '../../../common/talks.schema.js';
import { ZListFilings } from '../../../common/tolerance.schema.js';
import { ZListWarnings } from '../../../common/warnings.schema.js';
import type { z } from '../../../common/zod.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { Together } from '../../platform/db/prepared.js';
import { listCases, currentInfluencePeriods } from '../cases/cases.service.js';
import { previewNotifications } from '../notifications/notifications.service.js';
// Findings' use-cases import patrol.service, so its list cannot be re-exported there without a cycle.
import { previewFindings } from '../patrol/patrol.findings.js';
import { listTasks } from '../patrol/patrol.service.js';
import { previewProblems, previewProblemsMany } from '../problems/problems.service.js';
import { previewTalks } from '../talks/talks.service.js';
import { listFilings } from '../tolerance/tolerance.service.js';
import { previewWarnings } from '../warnings/warnings.service.js';

export interface HomeItem {
  id: string;
  label: string;
  path: string;
}

/**
 * One entry of the home page: a list of another module with fixed filters. Its count is that list's `total`,
 * read through the module's own list service with the same query the entry links to, so the number on the home page
 * and the rows the link opens cannot disagree (home.test.ts checks it through the API for every demo role).
 */
export interface HomeSectionDef {
  key: string;
  group: HomeGroup;
  title: string;
  /** The caller sees the entry when it holds the permission (and, where given, one of the roles). */
  permission: Permission;
  roles?: readonly Role[];
  /** Web list and API list of the same rows. */
  path: string;
  api: string;
  query: (today: string) => Record<string, string>;
  read: (ctx: Ctx, query: Record<string, string>) => Promise<{ total: number; items: HomeItem[] }>;
  /** Where the module reads several of its previews at once: the entries sharing it are read in one call. */
  readMany?: (ctx: Ctx, queries: Record<string, string>[]) => Promise<{ total: number; items: HomeItem[] }[]>;
}

export const PREVIEW_ROWS = 5;

const parsed = new WeakMap<z.ZodType, Map<string, unknown>>();

/**
 * The entry's query parsed with the list route's own schema (defaults included), first page of PREVIEW_ROWS. An
 * entry's query changes with the day at most: each is parsed once and kept (frozen), not parsed again per request.
 */
function parsedQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.output<S> {
  let bySchema = parsed.get(schema);
  if (!bySchema) {
    bySchema = new Map();
    parsed.set(schema, bySchema);
  }
  const key = JSON.stringify(query);
  let f = bySchema.get(key) as z.output<S> | undefined;
  if (!f) {
    f = Object.freeze(schema.parse({ ...query, page: 1, pageSize: PREVIEW_ROWS })) as z.output<S>;
    if (bySchema.size > 256) bySchema.clear();
    bySchema.set(key, f);
  }
  return f;
}

function listOf<S extends z.ZodType, Row>(
  schema: S,
  list: (ctx: Ctx, f: z.output<S>) => Promise<{ total: number; items: Row[] }>,
  item: (row: Row) => HomeItem,
) {
  return async (ctx: Ctx, query: Record<string, string>) => {
    const f = parsedQuery(schema, query);
    const { total, items } = await list(ctx, f);
    return { total, items: items.map(item) };
  };
}

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

type Problem = { id: string; code: string; title: string; unitName: string | null };
const problemItem = (p: Problem): HomeItem => ({
  id: p.id,
  label: `${p.code} ${p.title}${p.unitName ? `（${p.unitName}）` : ''}`,
  path: `/problems/${p.id}`,
});
const readProblems = listOf(ZListProblems, previewProblems, problemItem);
const readProblemsMany = async (ctx: Ctx, queries: Record<string, string>[]) => {
  const fs = queries.map((q) => parsedQuery(ZListProblems, q));
  const answers = await previewProblemsMany(ctx, fs);
  return answers.map(({ total, items }) => ({ total, items: items.map(problemItem) }));
};
const readWarnings = listOf(ZListWarnings, previewWarnings, (w) => ({
  id: w.id,
  label: `${w.code} ${w.situationName}`,
  path: `/warnings/${w.id}`,
}));
const readFindings = listOf(ZListFindings, previewFindings, (f) => ({
  id: f.id,
  label: `${f.code} ${f.title}（${f.unitName}）`,
  path: `/supervision/findings/${f.id}`,
}));
const readTasks = listOf(ZListTasks, listTasks, (t) => ({
  id: t.id,
  label: `${t.code} ${t.title}`,
  path: `/supervision/tasks/${t.id}`,
}));
const readFilings = listOf(ZListFilings, listFilings, (f) => ({
  id: f.id,
  label: `${f.code} ${f.unitName} ${f.matter}`,
  path: `/tolerance-filings/${f.id}`,
}));
const readTalks = listOf(ZListTalks, previewTalks, (t) => ({
  id: t.id,
  label: `${t.code} ${t.kindLabel}（${formatDate(t.talkOn)}）`,
  path: `/talks/${t.id}`,
}));
const readCases = listOf(ZListCases, listCases, (c) => ({
  id: c.id,
  label: `${c.code} ${c.title}`,
  path: `/cases/${c.id}`,
}));
const readInfluence = listOf(ZListInfluencePeriods, currentInfluencePeriods, (p) => ({
  id: p.id,
  label: `${p.personName} ${p.form}`,
  path: '/influence-periods',
}));
const readNotifications = listOf(ZListNotifications, previewNotifications, (n) => ({
  id: n.id,
  label: n.title,
  path: n.link ?? '/notifications',
}));

export const HOME_SECTIONS: readonly HomeSectionDef[] = [
  // To act on
  {
    key: 'problems.to_receive',
    group: 'todo',
    title: '待签收的问题',
    permission: 'problems:report',
    path: '/problems',
    api: '/api/problems',
    query: () => ({ state: 'dispatched', sort: 'deadline' }),
    read: readProblems,
    readMany: readProblemsMany,
  },
  {
    key: 'problems.close_requested',
    group: 'todo',
    title: '销号申请中的问题',
    permission: 'problems:manage',
    path: '/problems',
    api: '/api/problems',
    query: () => ({ state: 'close_requested', sort: 'deadline' }),
    read: readProblems,
    readMany: readProblemsMany,
  },
  {
    key: 'problems.close_requested_unit',
    group: 'todo',
    title: '本单位销号申请（待主要负责人审核）',
    permission: 'problems:report',
    roles: ['unit_head'],
    path: '/problems',
    api: '/api/problems',
    query: () => ({ state: 'close_requested', sort: 'deadline' }),
    read: readProblems,
    readMany: readProblemsMany,
  },
  {
    key: 'warnings.to_review',
    group: 'todo',
    title: '待研判的模拟问责单',
    permission: 'warnings:manage',
    path: '/warnings',
    api: '/api/warnings',
    query: () => ({ state: 'pending_review' }),
    read: readWarnings,
  },
  {
    key: 'warnings.to_answer',
    group: 'todo',
    title: '待报送整改方案的提醒函',
    permission: 'problems:report',
    path: '/warnings',
    api: '/api/warnings',
    query: () => ({ state: 'issued' }),
    read: readWarnings,
  },
  {
    key: 'findings.to_review',
    group: 'todo',
    title: '待审核的督导发现',
    permission: 'patrol:manage',
    path: '/supervision/findings',
    api: '/api/findings',
    query: () => ({ state: 'submitted' }),
    read: readFindings,
  },
  {
    key: 'tasks.issued',
    group: 'todo',
    title: '新交办的督导任务',
    permission: 'patrol:record',
    path: '/supervision',
    api: '/api/tasks',
    query: () => ({ state: 'issued', sort: 'deadline' }),
    read: readTasks,
  },
  {
    key: 'tasks.in_progress',
    group: 'todo',
    title: '督导中的任务',
    permission: 'patrol:record',
    path: '/supervision',
    api: '/api/tasks',
    query: () => ({ state: 'in_progress', sort: 'deadline' }),
    read: readTasks,
  },
  {
    key: 'tolerance.to_approve',
    group: 'todo',
    title: '待审批的容错免责备案',
    permission: 'tolerance:approve',
    path: '/tolerance-filings',
    api: '/api/tolerance-filings',
    query: () => ({ state: 'submitted' }),
    read: readFilings,
  },
  {
    key: 'tolerance.returned',
    group: 'todo',
    title: '被退回的容错免责备案',
    permission: 'tolerance:file',
    path: '/tolerance-filings',
    api: '/api/tolerance-filings',
    query: () => ({ state: 'returned' }),
    read: readFilings,
  },
  {
    key: 'cases.to_launch',
    group: 'todo',
    title: '待批准启动的问责案件',
    permission: 'cases:approve',
    path: '/cases',
    api: '/api/cases',
    query: () => ({ state: 'proposed' }),
    read: readCases,
  },
  {
    key: 'cases.investigating',
    group: 'todo',
    title: '调查中的问责案件',
    permission: 'cases:manage',
    roles: ['case_office'],
    path: '/cases',
    api: '/api/cases',
    query: () => ({ state: 'investigating' }),
    read: readCases,
  },
  {
    key: 'talks.this_week',
    group: 'todo',
    title: '七日内安排的谈话',
    permission: 'talks:manage',
    path: '/talks',
    api: '/api/talks',
    query: (today) => ({ state: 'planned', from: today, to: addDays(today, 6), sort: 'talkOn' }),
    read: readTalks,
  },
  // Deadlines
  {
    key: 'problems.overdue',
    group: 'due',
    title: '已逾期的问题',
    permission: 'problems:read',
    path: '/problems',
    api: '/api/problems',
    query: () => ({ overdue: 'true', sort: 'deadline' }),
    read: readProblems,
    readMany: readProblemsMany,
  },
  {
    key: 'problems.due_soon',
    group: 'due',
    title: '临近整改期限的问题（蓝色提醒）',
    permission: 'problems:read',
    path: '/problems',
    api: '/api/problems',
    query: () => ({ color: 'blue', sort: 'deadline' }),
    read: readProblems,
    readMany: readProblemsMany,
  },
  // Copies and messages
  {
    key: 'notifications.unread',
    group: 'copies',
    title: '未读消息与抄告',
    permission: 'notifications:read',
    path: '/notifications',
    api: '/api/notifications',
    query: () => ({ unread: 'true' }),
    read: readNotifications,
  },
  // Figures
  {
    key: 'problems.red',
    group: 'figures',
    title: '红色督办的问题',
    permission: 'problems:read',
    path: '/problems',
    api: '/api/problems',
    query: () => ({ color: 'red', sort: 'deadline' }),
    read: readProblems,
    readMany: readProblemsMany,
  },
  {
    key: 'influence.current',
    group: 'figures',
    title: '处于影响期的人员',
    permission: 'influence:read',
    path: '/influence-periods',
    api: '/api/influence-periods',
    query: () => ({ sort: 'endsOn' }),
    read: readInfluence,
  },
];

/**
 * Each entry's count and first rows, in the entries' order: entries that share a `readMany` in one call, all of them
 * at once with a `Together`, so that the modules' prepared previews reach the database as one statement (one round
 * trip instead of one per module, issue #19). Each module still builds its own part: scope, filters, order.
 */
export async function readSections(ctx: Ctx, defs: HomeSectionDef[], queries: Record<string, string>[]) {
  const answers: { total: number; items: HomeItem[] }[] = new Array(defs.length);
  const together = new Together(ctx.db);
  const c = { ...ctx, together };
  const groups = new Map<NonNullable<HomeSectionDef['readMany']>, number[]>();
  const reads: Promise<void>[] = [];
  for (const [i, def] of defs.entries()) {
    if (def.readMany) groups.set(def.readMany, [...(groups.get(def.readMany) ?? []), i]);
    else
      reads.push(
        def.read(c, queries[i]).then((a) => {
          answers[i] = a;
        }),
      );
  }
  for (const [readMany, places] of groups)
    reads.push(
      readMany(
        c,
        places.map((i) => queries[i]),
      ).then((read) => {
        for (const [j, i] of places.entries()) answers[i] = read[j];
      }),
    );
  await Promise.all(reads);
  return answers;
}

export function sectionsFor(actor: Actor): HomeSectionDef[] {
  const roles = new Set(actor.roles.map((g) => g.role));
  return HOME_SECTIONS.filter(
    (s) => actor.permissions.has(s.permission) && (!s.roles || s.roles.some((r) => roles.has(r))),
  );
}
