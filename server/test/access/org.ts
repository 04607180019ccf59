/** Access-matrix cases for the routes of the org module (see server/test/access-matrix.test.ts). */
import crypto from 'node:crypto';
import {
  type AccessCases,
  ORG_READERS,
  ORG_WRITERS,
  GROUP_VIEWERS,
  env,
  json,
  versionOf,
  freshUnit,
  demoRegion,
} from '../access.js';
import { groups, people, units } from '../../modules/org/org.tables.js';
import { PEOPLE_HEADER, UNIT_HEADER, multipartFile, workbookOf } from '../xlsx.js';

export const orgAccessCases: AccessCases = {
  'GET /api/units': { in: () => json('GET', '/api/units'), allow: ORG_READERS },
  'GET /api/issuers': { in: () => json('GET', '/api/issuers'), allow: ORG_READERS },
  'GET /api/issuers/export.xlsx': { in: () => json('GET', '/api/issuers/export.xlsx'), allow: ORG_READERS },
  'PUT /api/issuers/:code': {
    in: () =>
      json('PUT', '/api/issuers/government', {
        name: '示范县人民政府',
        shortName: '县政府',
        abbreviation: '示政',
        signature: '示范县人民政府',
      }),
    allow: ORG_WRITERS,
  },
  'GET /api/units/:id': {
    in: (f) => json('GET', `/api/units/${f.unitId}`),
    out: (o) => json('GET', `/api/units/${o.unitId}`),
    allow: ORG_READERS,
  },
  'POST /api/units': {
    in: (f) =>
      json('POST', '/api/units', {
        name: '新设单位',
        code: `N${crypto.randomBytes(3).toString('hex')}`,
        type: 'department',
        parentId: f.unitId,
      }),
    out: (o) =>
      json('POST', '/api/units', {
        name: '新设单位',
        code: `N${crypto.randomBytes(3).toString('hex')}`,
        type: 'department',
        parentId: o.unitId,
      }),
    allow: ORG_WRITERS,
    ok: 201,
    outStatus: 400,
  },
  'PATCH /api/units/:id': {
    in: async (f) =>
      json('PATCH', `/api/units/${f.unitId}`, { version: await versionOf(units, f.unitId), sortOrder: 5 }),
    out: async (o) =>
      json('PATCH', `/api/units/${o.unitId}`, { version: await versionOf(units, o.unitId), sortOrder: 5 }),
    allow: ORG_WRITERS,
  },
  'DELETE /api/units/:id': {
    in: async () => {
      const u = await freshUnit();
      return json('DELETE', `/api/units/${u.id}?version=${u.version}`);
    },
    out: async (o) => json('DELETE', `/api/units/${o.unitId}?version=${await versionOf(units, o.unitId)}`),
    allow: ORG_WRITERS,
    ok: 204,
  },
  'GET /api/people': { in: (f) => json('GET', `/api/people?unitId=${f.unitId}`), allow: ORG_READERS },
  'GET /api/people/:id': {
    in: (f) => json('GET', `/api/people/${f.personId}`),
    out: (o) => json('GET', `/api/people/${o.personId}`),
    allow: ORG_READERS,
  },
  'POST /api/people': {
    in: (f) => json('POST', '/api/people', { name: '新同志', unitId: f.unitId, post: '科员' }),
    out: (o) => json('POST', '/api/people', { name: '新同志', unitId: o.unitId, post: '科员' }),
    allow: ORG_WRITERS,
    ok: 201,
    outStatus: 400,
  },
  'PATCH /api/people/:id': {
    in: async (f) =>
      json('PATCH', `/api/people/${f.personId}`, { version: await versionOf(people, f.personId), rank: '一级科员' }),
    out: async (o) =>
      json('PATCH', `/api/people/${o.personId}`, { version: await versionOf(people, o.personId), rank: 'x' }),
    allow: ORG_WRITERS,
  },
  'DELETE /api/people/:id': {
    in: async () => {
      const [p] = await env.t.database.db
        .insert(people)
        .values({ regionId: await demoRegion(), unitId: env.zjjId, name: '临时人员' })
        .returning();
      return json('DELETE', `/api/people/${p.id}?version=${p.version}`);
    },
    out: async (o) => json('DELETE', `/api/people/${o.personId}?version=${await versionOf(people, o.personId)}`),
    allow: ORG_WRITERS,
    ok: 204,
  },
  'GET /api/groups': { in: () => json('GET', '/api/groups'), allow: ORG_READERS },
  'GET /api/groups/export.xlsx': { in: () => json('GET', '/api/groups/export.xlsx'), allow: ORG_READERS },
  'GET /api/groups/:id': {
    in: (f) => json('GET', `/api/groups/${f.groupId}`),
    out: (o) => json('GET', `/api/groups/${o.groupId}`),
    allow: GROUP_VIEWERS,
    hidden: ORG_READERS.filter((u) => !GROUP_VIEWERS.includes(u)),
  },
  'POST /api/groups': {
    in: (f) => json('POST', '/api/groups', { kind: 'patrol', name: '临时督导组', unitIds: [f.unitId] }),
    out: (o) => json('POST', '/api/groups', { kind: 'patrol', name: '临时督导组', unitIds: [o.unitId] }),
    allow: ORG_WRITERS,
    ok: 201,
    outStatus: 400,
  },
  'PATCH /api/groups/:id': {
    in: async (f) => json('PATCH', `/api/groups/${f.groupId}`, { version: await versionOf(groups, f.groupId) }),
    out: async (o) => json('PATCH', `/api/groups/${o.groupId}`, { version: await versionOf(groups, o.groupId) }),
    allow: ORG_WRITERS,
  },
  'GET /api/org/import-template.xlsx': { in: () => json('GET', '/api/org/import-template.xlsx'), allow: ORG_READERS },
  'GET /api/units/export.xlsx': { in: () => json('GET', '/api/units/export.xlsx'), allow: ORG_READERS },
  'GET /api/people/export.xlsx': { in: () => json('GET', '/api/people/export.xlsx'), allow: ORG_READERS },
  'POST /api/org/import': {
    in: async () => {
      const code = `I${crypto.randomBytes(3).toString('hex')}`;
      const file = await workbookOf({
        单位: [UNIT_HEADER, [code, '导入单位', '', '部门', 'ZF', 1]],
        人员: [PEOPLE_HEADER, ['导入人', '女', code, '科员', '', '是', '否', '']],
      });
      return { method: 'POST', url: '/api/org/import', ...(await multipartFile(file)) };
    },
    allow: ORG_WRITERS,
  },
};
