/** Access-matrix cases for joint meetings (see server/test/access-matrix.test.ts). */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type AccessCases, type User, demoRegion, env, json } from '../access.js';
import { units } from '../../modules/org/org.tables.js';
import { meetings } from '../../modules/meetings/meetings.tables.js';

const READERS: User[] = ['leader', 'office', 'bianban'];
const MANAGERS: User[] = ['leader', 'office'];

/** A scheduled meeting 编办 sits in (another region's when `other`). */
async function meeting(other = false) {
  const [bb] = await env.t.database.db.select().from(units).where(eq(units.code, 'BB'));
  const [m] = await env.t.database.db
    .insert(meetings)
    .values({
      regionId: other ? crypto.randomUUID() : await demoRegion(),
      title: '测试联席会议',
      scheduledAt: new Date(),
      memberUnitIds: [bb.id],
    })
    .returning();
  return m;
}

export const meetingsAccessCases: AccessCases = {
  'GET /api/meetings': { in: () => json('GET', '/api/meetings'), allow: READERS },
  'GET /api/meetings/export.xlsx': { in: () => json('GET', '/api/meetings/export.xlsx'), allow: READERS },
  'GET /api/meetings/agenda-candidates': { in: () => json('GET', '/api/meetings/agenda-candidates'), allow: MANAGERS },
  'POST /api/meetings': {
    in: async () => {
      const [bb] = await env.t.database.db.select().from(units).where(eq(units.code, 'BB'));
      return json('POST', '/api/meetings', {
        title: '联席会议',
        scheduledAt: new Date().toISOString(),
        memberUnitIds: [bb.id],
        assemble: false,
      });
    },
    allow: MANAGERS,
    ok: 201,
    // Issue #21: member units decide who reads the meeting; another region's unit is refused.
    links: [
      {
        name: 'with another region’s member unit',
        req: (o) =>
          json('POST', '/api/meetings', {
            title: '联席会议',
            scheduledAt: new Date().toISOString(),
            memberUnitIds: [o.unitId],
            assemble: false,
          }),
        status: 422,
      },
    ],
  },
  'GET /api/meetings/:id': {
    in: async () => json('GET', `/api/meetings/${(await meeting()).id}`),
    out: async () => json('GET', `/api/meetings/${(await meeting(true)).id}`),
    allow: READERS,
  },
  'POST /api/meetings/:id/events': {
    in: async () => {
      const m = await meeting();
      return json('POST', `/api/meetings/${m.id}/events`, { type: 'hold', version: m.version });
    },
    out: async () => {
      const m = await meeting(true);
      return json('POST', `/api/meetings/${m.id}/events`, { type: 'hold', version: m.version });
    },
    allow: MANAGERS,
    seenBy: READERS,
  },
  'GET /api/meetings/:id/documents/minutes.docx': {
    in: async () => json('GET', `/api/meetings/${(await meeting()).id}/documents/minutes.docx`),
    out: async () => json('GET', `/api/meetings/${(await meeting(true)).id}/documents/minutes.docx`),
    allow: READERS,
  },
};
