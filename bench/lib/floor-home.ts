/**
 * The floor of `GET /api/home` for the bench's user `office` (role supervision_office, region-wide scope, sees
 * drafts): the eight entries `sectionsFor` gives that role (server/modules/home/home.sections.ts), each with the
 * count and the first PREVIEW_ROWS rows of its list, filtered, sorted and labelled as the app's list does — built
 * by PostgreSQL as one JSON text in one named prepared statement that also checks the session (`session`: the
 * floor server's `sess` CTE). Entries with a count of 0 are left out, as the app does.
 *
 *   problems.close_requested  state = close_requested, deadline ASC NULLS LAST, code DESC NULLS LAST
 *   warnings.to_review        state = pending_review, first_seen_at DESC, code DESC; label: code + situation name
 *   findings.to_review        state = submitted, created_at DESC NULLS LAST, code DESC NULLS LAST
 *   talks.this_week           state = planned, talk_on in [today, today + 6], talk_on ASC, code DESC
 *   problems.overdue          deadline < today AND (state = 'closed') IS FALSE AND state <> 'draft', by deadline
 *   problems.due_soon         color = blue, by deadline
 *   notifications.unread      the caller's, read_at IS NULL, created_at DESC, id DESC
 *   problems.red              color = red, by deadline
 *
 * Counts as the app's: the four problem counts go through the large-count cache (largeCount: kept 5 s per region,
 * filter and day when ≥ 1,000, otherwise exact every time); the warnings, findings, talks and notification counts
 * are exact every time (their lists do not use the cache). A cached count is passed in as a parameter and taken
 * only if the session's region is the one it was counted for; COALESCE then never runs the count's InitPlan.
 * Requests arriving while one request counts wait for its counts, as largeCount's callers share its promise; once
 * aged, the kept counts are offered while one request counts again, as largeCount answers an aged total.
 * Today is written into the statement's text (one name per day): passed as a parameter, it made PostgreSQL keep
 * custom plans, planning ~2 ms per execution; written in, the generic plan is taken after five executions.
 *
 * What it leaves out: the entries of other roles (it answers office's eight whatever the caller's permissions);
 * scope variants (office sees the whole region and drafts, so no unit/person visibility filter and no draft filter);
 * the zod parse of each entry's query and of the response; what the app's list services read and home discards
 * (actions, measures, names of leaders and groups, document numbers, the situations list); the server's movable
 * clock (`today` is the Asia/Shanghai date of this machine's clock). Talk kind labels are taken from
 * common/talks.ts's TALK_KINDS into a CASE of the statement.
 */
import { TALK_KINDS } from '../../common/talks.js';

const PREVIEW_ROWS = 5;
const LARGE = 1000;
const TTL_MS = 5_000;
const STALE_MS = 30_000;

const R = '(SELECT region_id FROM sess)';
const U = '(SELECT user_id FROM sess)';
/** Today, written into the text (`homeStatement`): as a parameter it made PostgreSQL plan every execution afresh. */
const D = "'@DAY@'::date";
const PROBLEM_ORDER = 'deadline ASC NULLS LAST, code DESC NULLS LAST';
const KIND = `CASE t.kind ${Object.entries(TALK_KINDS)
  .map(([k, v]) => `WHEN '${k}' THEN '${v}'`)
  .join(' ')} ELSE t.kind END`;

/** The problem entries, in the order of their counts' parameter ($3) and of the `counts` column. */
const PROBLEMS = [
  {
    ord: 1,
    key: 'problems.close_requested',
    group: 'todo',
    title: '销号申请中的问题',
    query: 'state=close_requested',
    where: "state = 'close_requested'",
  },
  {
    ord: 5,
    key: 'problems.overdue',
    group: 'due',
    title: '已逾期的问题',
    query: 'overdue=true',
    where: `deadline < ${D} AND (state = 'closed') IS FALSE AND state <> 'draft'`,
  },
  {
    ord: 6,
    key: 'problems.due_soon',
    group: 'due',
    title: '临近整改期限的问题（蓝色提醒）',
    query: 'color=blue',
    where: "color = 'blue'",
  },
  {
    ord: 8,
    key: 'problems.red',
    group: 'figures',
    title: '红色督办的问题',
    query: 'color=red',
    where: "color = 'red'",
  },
];

const section = (
  ord: number,
  key: string,
  group: string,
  title: string,
  path: string,
  api: string,
  qs: string,
  n: string,
  items: string,
) =>
  `SELECT ${ord} AS ord, '${key}' AS key, '${group}' AS grp, '${title}' AS title, '${path}' AS path, '${api}' AS api,
    ${qs} AS qs, (${n})::int AS n, (${items}) AS items`;
const list = (item: string, order: string, from: string) =>
  `SELECT coalesce(json_agg(${item} ORDER BY ${order}), '[]') FROM ${from}`;

const problemSection = (p: (typeof PROBLEMS)[number], i: number) =>
  section(
    p.ord,
    p.key,
    p.group,
    p.title,
    '/problems',
    '/api/problems',
    `'${p.query}&sort=deadline'`,
    `coalesce(CASE WHEN ${R} = $2::uuid THEN ($3::int[])[${i + 1}] END,
      (SELECT count(*) FROM problems WHERE region_id = ${R} AND deleted_at IS NULL AND ${p.where}))`,
    list(
      `json_build_object('id', p.id, 'label', p.code || ' ' || p.title || coalesce('（' || nullif(un.short_name, '') || '）', ''),
        'path', '/problems/' || p.id)`,
      'p.deadline ASC NULLS LAST, p.code DESC NULLS LAST',
      `problems p JOIN units un ON un.id = p.unit_id WHERE p.id IN (SELECT id FROM problems WHERE region_id = ${R}
        AND deleted_at IS NULL AND ${p.where} ORDER BY ${PROBLEM_ORDER} LIMIT ${PREVIEW_ROWS})`,
    ),
  );

const WARNINGS = `region_id = ${R} AND state = 'pending_review'`;
const FINDINGS = `region_id = ${R} AND state = 'submitted'`;
const TALKS = `region_id = ${R} AND deleted_at IS NULL AND state = 'planned' AND talk_on >= ${D}
  AND talk_on <= ${D} + 6`;
const NOTIFICATIONS = `user_id = ${U} AND read_at IS NULL`;

const SECTIONS = [
  problemSection(PROBLEMS[0], 0),
  section(
    2,
    'warnings.to_review',
    'todo',
    '待研判的模拟问责单',
    '/warnings',
    '/api/warnings',
    "'state=pending_review'",
    `SELECT count(*) FROM warnings WHERE ${WARNINGS}`,
    list(
      `json_build_object('id', w.id, 'label', w.code || ' ' || coalesce(s.name, ''), 'path', '/warnings/' || w.id)`,
      'w.first_seen_at DESC, w.code DESC',
      `(SELECT id, code, situation_id, first_seen_at FROM warnings WHERE ${WARNINGS}
        ORDER BY first_seen_at DESC, code DESC LIMIT ${PREVIEW_ROWS}) w
        LEFT JOIN situations s ON s.id = w.situation_id AND s.region_id = ${R}`,
    ),
  ),
  section(
    3,
    'findings.to_review',
    'todo',
    '待审核的督导发现',
    '/supervision/findings',
    '/api/findings',
    "'state=submitted'",
    `SELECT count(*) FROM patrol_findings WHERE ${FINDINGS}`,
    list(
      `json_build_object('id', f.id, 'label', f.code || ' ' || f.title || '（' || coalesce(nullif(un.short_name, ''), un.name, '') || '）',
        'path', '/supervision/findings/' || f.id)`,
      'f.created_at DESC NULLS LAST, f.code DESC NULLS LAST',
      `(SELECT id, code, title, unit_id, created_at FROM patrol_findings WHERE ${FINDINGS}
        ORDER BY created_at DESC NULLS LAST, code DESC NULLS LAST LIMIT ${PREVIEW_ROWS}) f
        LEFT JOIN units un ON un.id = f.unit_id`,
    ),
  ),
  section(
    4,
    'talks.this_week',
    'todo',
    '七日内安排的谈话',
    '/talks',
    '/api/talks',
    `'state=planned&from=' || to_char(${D}, 'YYYY-MM-DD') || '&to=' || to_char(${D} + 6, 'YYYY-MM-DD') || '&sort=talkOn'`,
    `SELECT count(*) FROM talks WHERE ${TALKS}`,
    list(
      `json_build_object('id', t.id, 'label', t.code || ' ' || ${KIND} || '（' || to_char(t.talk_on, 'YYYY"年"FMMM"月"FMDD"日"') || '）',
        'path', '/talks/' || t.id)`,
      't.talk_on ASC, t.code DESC',
      `(SELECT id, code, kind, talk_on FROM talks WHERE ${TALKS} ORDER BY talk_on ASC, code DESC LIMIT ${PREVIEW_ROWS}) t`,
    ),
  ),
  problemSection(PROBLEMS[1], 1),
  problemSection(PROBLEMS[2], 2),
  section(
    7,
    'notifications.unread',
    'copies',
    '未读消息与抄告',
    '/notifications',
    '/api/notifications',
    "'unread=true'",
    `SELECT count(*) FROM notifications WHERE ${NOTIFICATIONS}`,
    list(
      `json_build_object('id', n.id, 'label', n.title, 'path', coalesce(n.link, '/notifications'))`,
      'n.read_at IS NULL DESC, n.created_at DESC, n.id DESC',
      `(SELECT id, title, link, read_at, created_at FROM notifications WHERE ${NOTIFICATIONS}
        ORDER BY read_at IS NULL DESC, created_at DESC, id DESC LIMIT ${PREVIEW_ROWS}) n`,
    ),
  ),
  problemSection(PROBLEMS[3], 3),
];

const homeText = (session: string) => `WITH ${session},
  sec AS (${SECTIONS.join('\n  UNION ALL ')})
  SELECT ${R} AS region_id,
    array_agg(n ORDER BY ord) FILTER (WHERE key LIKE 'problems.%') AS counts,
    json_build_object('today', to_char(${D}, 'YYYY-MM-DD'), 'sections', coalesce(json_agg(json_build_object(
      'key', key, 'group', grp, 'title', title, 'count', n, 'path', path || '?' || qs, 'api', api || '?' || qs,
      'items', items) ORDER BY ord) FILTER (WHERE n > 0), '[]'))::text AS body
  FROM sec`;

/**
 * The day's statement, one name per day: $1 session id (SM3 of the cookie), $2 the region the cached problem
 * counts $3 (int[4], null = count it) were counted for. Answers the session's region (null: no valid session), the
 * home JSON and the four problem counts.
 */
export function homeStatement(session: string, day: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
  return { name: `floor_home_${day.replaceAll('-', '')}`, text: homeText(session).replaceAll('@DAY@', day) };
}

/** Today in Asia/Shanghai, as the app's `today(ctx)` (isoDate) gives it with the clock not moved. */
export const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

type Counts = (number | null)[];
const NONE: Counts = PROBLEMS.map(() => null);

// The large-count cache of the problem entries, per region: the four counts of a day (null: < LARGE, or not kept),
// as a promise that requests arriving while they are counted share, as largeCount shares its count. Aged counts are
// still offered while one request counts again (`refreshing`), as largeCount answers an aged total.
const shared = new Map<string, { day: string; at: number; n: Promise<Counts>; refreshing?: boolean }>();
// The region of a session, learnt from its last answer: which counts to offer its next statement.
const regionOfSession = new Map<string, string>();

/**
 * Parameters $2 and $3 of a session's statement — its region's counts if fresh (awaited if being counted) or aged
 * while another request counts them again, else nulls, and then this request counts for the others — and `done`,
 * to call with the answer's region and counts.
 */
export async function countsFor(sid: string, day: string) {
  const region = regionOfSession.get(sid) ?? null;
  const hit = region ? shared.get(region) : undefined;
  const age = hit && hit.day === day ? Date.now() - hit.at : Number.POSITIVE_INFINITY;
  if (region && hit && (age < TTL_MS || (age < TTL_MS + STALE_MS && hit.refreshing))) {
    const offer: [string | null, Counts] = [region, await hit.n.catch(() => NONE)];
    return { offer, done: (answered: string | null) => learn(sid, answered) };
  }
  let settle: (n: Counts) => void = () => {};
  const at = Date.now();
  const refreshing = region && hit && age < TTL_MS + STALE_MS ? hit : undefined;
  if (refreshing) refreshing.refreshing = true;
  else if (region) shared.set(region, { day, at, n: new Promise<Counts>((resolve) => (settle = resolve)) });
  const offer: [string | null, Counts] = [null, NONE];
  const done = (answered: string | null, got?: number[]) => {
    learn(sid, answered);
    const kept = got && answered ? got.map((n) => (n >= LARGE ? n : null)) : NONE;
    settle(answered === region ? kept : NONE);
    if (answered && (answered !== region || refreshing)) shared.set(answered, { day, at, n: Promise.resolve(kept) });
    // A failed count: the next request after this one counts again.
    else if (refreshing) refreshing.refreshing = false;
  };
  return { offer, done };
}

function learn(sid: string, region: string | null) {
  if (regionOfSession.size > 10_000) regionOfSession.clear();
  if (region) regionOfSession.set(sid, region);
}
