/** Access-matrix cases for outbound channels, the delivery log, campaigns and webhooks. */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { users } from '../../platform/auth/auth.tables.js';
import { type AccessCases, ALL, type User, demoRegion, env, json } from '../access.js';
import {
  campaigns,
  channelConfigs,
  notifications,
  webhookSubscriptions,
} from '../../modules/notifications/notifications.tables.js';

const SYSADMIN: User[] = ['sysadmin'];
/** 三员分立: the system and audit administrators read the delivery log (no business content). */
const LOG_READERS: User[] = ['sysadmin', 'auditadmin'];
const OFFICE: User[] = ['leader', 'office'];

async function userId(username: string) {
  const [u] = await env.t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u.id;
}
/** A subscription owned by `username` (someone else's when `other`). */
async function hook(username: string, other = false) {
  const owner = await userId(other ? (username === 'office' ? 'leader' : 'office') : username);
  const [row] = await env.t.database.db
    .insert(webhookSubscriptions)
    .values({
      ownerUserId: owner,
      name: '测试订阅',
      url: 'http://127.0.0.1:9/hook',
      events: ['webhook.test'],
      secret: 'x',
    })
    .returning();
  return row;
}
/** A campaign of the demo county (another region's when `other`). */
async function campaign(other = false) {
  const [row] = await env.t.database.db
    .insert(campaigns)
    .values({
      regionId: other ? crypto.randomUUID() : await demoRegion(),
      name: '节前廉洁提醒',
      trigger: 'holiday',
      roles: ['unit_liaison'],
      title: '节前廉洁提醒',
      template: '{节日}将至',
    })
    .returning();
  return row;
}
const robotVersion = async () => {
  const [row] = await env.t.database.db.select().from(channelConfigs).where(eq(channelConfigs.channel, 'robot'));
  return row?.version ?? 0;
};
const campaignBody = {
  name: '会前提醒',
  trigger: 'date',
  onDate: '2030-01-02',
  roles: ['unit_head'],
  unitIds: [],
  ranks: [],
  title: '会前提醒',
  template: '请按时参会',
};

export const channelsAccessCases: AccessCases = {
  'GET /api/admin/channels': { in: () => json('GET', '/api/admin/channels'), allow: SYSADMIN },
  'PUT /api/admin/channels/:channel': {
    in: async () =>
      json('PUT', '/api/admin/channels/robot', {
        enabled: false,
        adapter: 'log',
        settings: {},
        classes: [],
        optOutAllowed: true,
        version: await robotVersion(),
      }),
    allow: SYSADMIN,
  },
  'POST /api/admin/channels/:channel/test': {
    in: () => json('POST', '/api/admin/channels/robot/test', { to: '' }),
    allow: SYSADMIN,
  },
  'GET /api/notifications/deliveries': {
    in: async () => {
      const id = await userId('zhujian');
      await env.t.database.db
        .insert(notifications)
        .values({ userId: id, kind: 'test', title: '保密标题', body: '保密正文' });
      return json('GET', '/api/notifications/deliveries?status=failed&channel=sms');
    },
    allow: LOG_READERS,
    body: (j) => {
      if (JSON.stringify(j).includes('保密')) throw new Error('delivery log shows message content');
    },
  },
  'GET /api/notifications/deliveries/export.xlsx': {
    in: () => json('GET', '/api/notifications/deliveries/export.xlsx?status=sent'),
    allow: LOG_READERS,
  },
  'GET /api/notifications/channels': { in: () => json('GET', '/api/notifications/channels'), allow: ALL },
  'PUT /api/notifications/channels': {
    in: () => json('PUT', '/api/notifications/channels', { channel: 'robot', optOut: false }),
    allow: ALL,
  },
  'GET /api/webhooks': { in: () => json('GET', '/api/webhooks'), allow: OFFICE },
  'GET /api/webhooks/export.xlsx': { in: () => json('GET', '/api/webhooks/export.xlsx'), allow: OFFICE },
  'GET /api/webhooks/payload-schema': { in: () => json('GET', '/api/webhooks/payload-schema'), allow: OFFICE },
  'POST /api/webhooks': {
    in: () => json('POST', '/api/webhooks', { name: '对接', url: 'http://127.0.0.1:9/h', events: ['warning.issued'] }),
    allow: OFFICE,
    ok: 201,
  },
  'PATCH /api/webhooks/:id': {
    in: async (_f, u) => {
      const h = await hook(u);
      return json('PATCH', `/api/webhooks/${h.id}`, { active: false, version: h.version });
    },
    out: async (_o, _f, u) => {
      const h = await hook(u, true);
      return json('PATCH', `/api/webhooks/${h.id}`, { active: false, version: h.version });
    },
    allow: OFFICE,
  },
  'DELETE /api/webhooks/:id': {
    in: async (_f, u) => json('DELETE', `/api/webhooks/${(await hook(u)).id}`),
    out: async (_o, _f, u) => json('DELETE', `/api/webhooks/${(await hook(u, true)).id}`),
    allow: OFFICE,
    ok: 204,
  },
  'POST /api/webhooks/:id/rotate-secret': {
    in: async (_f, u) => json('POST', `/api/webhooks/${(await hook(u)).id}/rotate-secret`),
    out: async (_o, _f, u) => json('POST', `/api/webhooks/${(await hook(u, true)).id}/rotate-secret`),
    allow: OFFICE,
  },
  'POST /api/webhooks/:id/test': {
    in: async (_f, u) => json('POST', `/api/webhooks/${(await hook(u)).id}/test`),
    out: async (_o, _f, u) => json('POST', `/api/webhooks/${(await hook(u, true)).id}/test`),
    allow: OFFICE,
  },
  'GET /api/webhooks/:id/deliveries': {
    in: async (_f, u) => json('GET', `/api/webhooks/${(await hook(u)).id}/deliveries`),
    out: async (_o, _f, u) => json('GET', `/api/webhooks/${(await hook(u, true)).id}/deliveries`),
    allow: OFFICE,
  },
  'GET /api/campaigns': { in: () => json('GET', '/api/campaigns?state=active'), allow: OFFICE },
  'GET /api/campaigns/export.xlsx': { in: () => json('GET', '/api/campaigns/export.xlsx?state=active'), allow: OFFICE },
  'POST /api/campaigns': { in: () => json('POST', '/api/campaigns', campaignBody), allow: OFFICE, ok: 201 },
  'GET /api/campaigns/:id': {
    in: async () => json('GET', `/api/campaigns/${(await campaign()).id}`),
    out: async () => json('GET', `/api/campaigns/${(await campaign(true)).id}`),
    allow: OFFICE,
  },
  'PATCH /api/campaigns/:id': {
    in: async () => {
      const c = await campaign();
      return json('PATCH', `/api/campaigns/${c.id}`, { name: '节前提醒', version: c.version });
    },
    out: async () => {
      const c = await campaign(true);
      return json('PATCH', `/api/campaigns/${c.id}`, { name: '节前提醒', version: c.version });
    },
    allow: OFFICE,
  },
  'POST /api/campaigns/:id/events': {
    in: async () => {
      const c = await campaign();
      return json('POST', `/api/campaigns/${c.id}/events`, { event: 'activate', version: c.version });
    },
    out: async () => {
      const c = await campaign(true);
      return json('POST', `/api/campaigns/${c.id}/events`, { event: 'activate', version: c.version });
    },
    allow: OFFICE,
  },
  'GET /api/campaigns/:id/report': {
    in: async () => json('GET', `/api/campaigns/${(await campaign()).id}/report`),
    out: async () => json('GET', `/api/campaigns/${(await campaign(true)).id}/report`),
    allow: OFFICE,
  },
};
