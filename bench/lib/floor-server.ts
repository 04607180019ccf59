/**
 * The floor of the hot read paths (issue #19): hand-written routes that check the session and answer the same
 * page as the app — rows, names, measures — as one JSON text built by one named prepared statement, passed
 * through without parsing. Nothing here is the app's code: it is the yardstick the app's CPU per request is
 * compared with (`bench/run`, "hot paths" table). What it leaves out on purpose: `actions` per row (the app
 * computes them from the transition table), labels, the zod checks and the audit of nothing.
 *
 *   GET /floor/problems?page=N   ledger page: state=rectifying, sort=deadline, pageSize=20 (bench/run's list)
 *   GET /floor/problems/:id      one problem with its measures, events and files
 *   GET /floor/me                the caller's user, roles and CSRF token
 *   GET /floor/home              office's home page (今日工作): eight entries, counts and first rows (floor-home.ts)
 *
 * The session is checked inside the same statement (cookie → SM3 → sessions ⋈ users, not disabled, within the
 * idle and absolute timeouts of the default policy); an unknown session answers 401. The region is the first
 * role grant's. The list's total comes from a count shared for 5 s and answered while it is counted again, as the app's
 * large-count cache does.
 */
import crypto from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import pg from 'pg';
import { countsFor, homeStatement, shanghaiToday } from './floor-home.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
const app = Fastify({ logger: false });

const SESSION = `sess AS (
  SELECT s.user_id, s.csrf_token, (SELECT r.region_id FROM user_roles r WHERE r.user_id = s.user_id
    AND r.region_id IS NOT NULL LIMIT 1) AS region_id
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = $1 AND NOT u.disabled
    AND s.last_seen_at > now() - interval '30 minutes' AND s.created_at > now() - interval '12 hours')`;

const MEASURES = `coalesce((SELECT json_agg(json_build_object('id', m.id, 'seq', m.seq, 'content', m.content,
  'ownerPersonId', m.owner_person_id, 'ownerName', o.name, 'deadlineType', m.deadline_type,
  'deadlineDays', m.deadline_days, 'deadline', m.deadline, 'done', m.done, 'doneAt', m.done_at,
  'progress', m.progress, 'lastReportAt', m.last_report_at,
  'overdue', NOT m.done AND m.deadline < current_date AND p.state <> 'closed') ORDER BY m.seq)
  FROM problem_measures m LEFT JOIN people o ON o.id = m.owner_person_id WHERE m.problem_id = p.id), '[]')`;

const PROBLEM = `json_build_object('id', p.id, 'code', p.code, 'title', p.title, 'description', p.description,
  'source', p.source, 'sourceRef', p.source_ref, 'category', p.category, 'severity', p.severity,
  'unitId', p.unit_id, 'unitName', un.short_name, 'coUnitIds', p.co_unit_ids,
  'leadUnitConfirmed', p.lead_unit_confirmed, 'responsiblePersonId', p.responsible_person_id,
  'responsibleName', rp.name, 'leaderPersonId', p.leader_person_id, 'leaderName', lp.name, 'state', p.state,
  'closeStage', p.close_stage, 'overdue', (p.deadline < current_date AND p.state NOT IN ('draft', 'closed')),
  'listed', p.listed, 'color', p.color, 'urgent', p.urgent, 'deadline', p.deadline,
  'escalationLevel', p.escalation_level, 'pendingEscalation', p.pending_escalation,
  'commonGroupId', p.common_group_id, 'reopenCount', p.reopen_count, 'dispatchedAt', p.dispatched_at,
  'receivedAt', p.received_at, 'lastProgressAt', p.last_progress_at, 'closedAt', p.closed_at,
  'createdAt', p.created_at, 'version', p.version, 'measures', ${MEASURES})`;

const NAMES = `JOIN units un ON un.id = p.unit_id LEFT JOIN people lp ON lp.id = p.leader_person_id
  LEFT JOIN people rp ON rp.id = p.responsible_person_id`;

const LIST = `WITH ${SESSION},
  ids AS (SELECT p.id FROM problems p WHERE p.region_id = (SELECT region_id FROM sess) AND p.deleted_at IS NULL
    AND p.state = 'rectifying' ORDER BY p.deadline ASC NULLS LAST, p.code DESC NULLS LAST LIMIT 20 OFFSET $2)
  SELECT (SELECT region_id FROM sess) AS region_id, coalesce((SELECT json_agg(${PROBLEM}
    ORDER BY p.deadline ASC NULLS LAST, p.code DESC NULLS LAST)
    FROM problems p ${NAMES} WHERE p.id IN (SELECT id FROM ids)), '[]')::text AS items`;

const COUNT = `SELECT count(*)::int AS n FROM problems p WHERE p.region_id = $1 AND p.deleted_at IS NULL
  AND p.state = 'rectifying'`;

const DETAIL = `WITH ${SESSION}
  SELECT (SELECT 1 FROM sess) AS ok, (SELECT (${PROBLEM}::jsonb || jsonb_build_object(
    'events', coalesce((SELECT json_agg(json_build_object('id', e.id, 'type', e.type, 'fromState', e.from_state,
      'toState', e.to_state, 'actorName', e.actor_name, 'at', e.at, 'comment', e.comment, 'payload', e.payload,
      'late', e.late) ORDER BY e.at) FROM problem_events e WHERE e.problem_id = p.id), '[]'),
    'files', coalesce((SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'size', f.size))
      FROM problem_files f WHERE f.problem_id = p.id), '[]')))::text
    FROM problems p ${NAMES} WHERE p.id = $2 AND p.region_id = (SELECT region_id FROM sess) AND p.deleted_at IS NULL)
    AS body`;

const ME = `WITH ${SESSION}
  SELECT json_build_object('user', json_build_object('id', u.id, 'username', u.username,
    'displayName', u.display_name, 'personId', u.person_id, 'totpEnabled', u.totp_enabled,
    'mustChangePassword', u.must_change_password),
    'roles', coalesce((SELECT json_agg(json_build_object('role', r.role, 'regionId', r.region_id,
      'unitId', r.unit_id, 'groupId', r.group_id)) FROM user_roles r WHERE r.user_id = u.id), '[]'),
    'csrfToken', sess.csrf_token)::text AS body
  FROM sess JOIN users u ON u.id = sess.user_id`;

const sessionId = (req: FastifyRequest) => {
  const token = /(?:^|;\s*)zelian_sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  return token ? crypto.createHash('sm3').update(decodeURIComponent(token)).digest('hex') : null;
};
const json = (reply: FastifyReply, text: string) => reply.type('application/json; charset=utf-8').send(text);
const unauthenticated = (reply: FastifyReply) => reply.status(401).send({ code: 'UNAUTHENTICATED' });

const counts = new Map<string, { at: number; n: Promise<number>; refreshing?: boolean }>();
const count = (regionId: string) =>
  pool.query({ name: 'floor_count', text: COUNT, values: [regionId] }).then((r) => r.rows[0].n as number);
function total(regionId: string): Promise<number> {
  const hit = counts.get(regionId);
  const age = hit ? Date.now() - hit.at : Number.POSITIVE_INFINITY;
  if (hit && age < 5_000) return hit.n;
  // Aged: answer the kept total while one request counts again, as the app's large-count cache does.
  if (hit && age < 35_000) {
    if (!hit.refreshing) {
      hit.refreshing = true;
      const at = Date.now();
      const n = count(regionId);
      n.then(
        () => counts.set(regionId, { at, n }),
        () => counts.delete(regionId),
      );
    }
    return hit.n;
  }
  const n = count(regionId);
  counts.set(regionId, { at: Date.now(), n });
  return n;
}

app.get('/floor/problems', async (req, reply) => {
  const sid = sessionId(req);
  if (!sid) return unauthenticated(reply);
  const page = Math.max(1, Number((req.query as { page?: string }).page ?? 1));
  const { rows } = await pool.query({ name: 'floor_list', text: LIST, values: [sid, (page - 1) * 20] });
  if (!rows[0].region_id) return unauthenticated(reply);
  return json(reply, `{"items":${rows[0].items},"total":${await total(rows[0].region_id)}}`);
});
app.get('/floor/problems/:id', async (req, reply) => {
  const sid = sessionId(req);
  if (!sid) return unauthenticated(reply);
  const { id } = req.params as { id: string };
  const { rows } = await pool.query({ name: 'floor_detail', text: DETAIL, values: [sid, id] });
  if (!rows[0].ok) return unauthenticated(reply);
  return rows[0].body ? json(reply, rows[0].body) : reply.status(404).send({ code: 'NOT_FOUND' });
});
app.get('/floor/me', async (req, reply) => {
  const sid = sessionId(req);
  if (!sid) return unauthenticated(reply);
  const { rows } = await pool.query({ name: 'floor_me', text: ME, values: [sid] });
  return rows[0] ? json(reply, rows[0].body) : unauthenticated(reply);
});
let home = homeStatement(SESSION, shanghaiToday());
app.get('/floor/home', async (req, reply) => {
  const sid = sessionId(req);
  if (!sid) return unauthenticated(reply);
  const day = shanghaiToday();
  if (!home.name.endsWith(day.replaceAll('-', ''))) home = homeStatement(SESSION, day);
  const { offer, done } = await countsFor(sid, day);
  const { rows } = await pool.query({ ...home, values: [sid, ...offer] }).catch((err) => {
    done(null);
    throw err;
  });
  done(rows[0].region_id, rows[0].counts);
  if (!rows[0].region_id) return unauthenticated(reply);
  return json(reply, rows[0].body);
});
app.get('/floor/health', async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ready');
