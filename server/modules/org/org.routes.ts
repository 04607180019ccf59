import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { badRequest } from '../../platform/errors.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { sendXlsx } from '../../platform/http/files.js';
import {
  ZCreateGroup,
  ZGroup,
  ZOrgImportResult,
  ZPerson,
  ZPersonDetail,
  ZUnit,
  ZCreatePerson,
  ZCreateUnit,
  ZDeleteQuery,
  ZIdParam,
  ZListGroups,
  ZListPeople,
  ZListUnits,
  ZUpdateGroup,
  ZUpdatePerson,
  ZUpdateUnit,
  ZIssuer,
  ZIssuerCodeParam,
  ZIssuerList,
  ZListIssuers,
  ZUpdateIssuer,
} from '../../../common/org.schema.js';
import { z, zPageOf } from '../../../common/zod.js';
import { listIssuers, updateIssuer } from './org.issuers.js';
import * as service from './org.service.js';
import { groupsExport, issuersExport, peopleExport, unitsExport } from './org.export.js';
import * as xlsx from './org.xlsx.js';

const tags = ['组织与人员'];
const read = { permission: 'org:read' as const };
const write = { permission: 'org:write' as const };

export async function orgRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/issuers',
    { schema: { tags, querystring: ZListIssuers, response: { 200: ZIssuerList } }, config: read },
    (req) => req.run((ctx) => listIssuers(ctx, req.query)),
  );
  app.get('/api/issuers/export.xlsx', { schema: { tags, querystring: ZListIssuers }, config: read }, (req, reply) =>
    req.run((ctx) => sendXlsxExport(reply, issuersExport(ctx, req.query))),
  );
  app.put(
    '/api/issuers/:code',
    { schema: { tags, params: ZIssuerCodeParam, body: ZUpdateIssuer, response: { 200: ZIssuer } }, config: write },
    (req) => req.run((ctx) => updateIssuer(ctx, req.params.code, req.body)),
  );
  app.get(
    '/api/units',
    { schema: { tags, querystring: ZListUnits, response: { 200: zPageOf(ZUnit) } }, config: read },
    (req) => req.run((ctx) => service.listUnits(ctx, req.query)),
  );
  app.post(
    '/api/units',
    { schema: { tags, body: ZCreateUnit, response: { 201: ZUnit } }, config: write },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createUnit(ctx, req.body))),
  );
  app.get('/api/units/:id', { schema: { tags, params: ZIdParam, response: { 200: ZUnit } }, config: read }, (req) =>
    req.run((ctx) => service.getUnit(ctx, req.params.id)),
  );
  app.patch(
    '/api/units/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateUnit, response: { 200: ZUnit } }, config: write },
    (req) => req.run((ctx) => service.updateUnit(ctx, req.params.id, req.body)),
  );
  app.delete(
    '/api/units/:id',
    { schema: { tags, params: ZIdParam, querystring: ZDeleteQuery, response: { 204: z.undefined() } }, config: write },
    async (req, reply) => {
      await req.run((ctx) => service.deleteUnit(ctx, req.params.id, req.query.version));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/people',
    { schema: { tags, querystring: ZListPeople, response: { 200: zPageOf(ZPerson) } }, config: read },
    (req) => req.run((ctx) => service.listPeople(ctx, req.query)),
  );
  app.post(
    '/api/people',
    { schema: { tags, body: ZCreatePerson, response: { 201: ZPersonDetail } }, config: write },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createPerson(ctx, req.body))),
  );
  app.get(
    '/api/people/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZPersonDetail } }, config: read },
    (req) => req.run((ctx) => service.getPerson(ctx, req.params.id)),
  );
  app.patch(
    '/api/people/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdatePerson, response: { 200: ZPersonDetail } }, config: write },
    (req) => req.run((ctx) => service.updatePerson(ctx, req.params.id, req.body)),
  );
  app.delete(
    '/api/people/:id',
    { schema: { tags, params: ZIdParam, querystring: ZDeleteQuery, response: { 204: z.undefined() } }, config: write },
    async (req, reply) => {
      await req.run((ctx) => service.deletePerson(ctx, req.params.id, req.query.version));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/groups',
    { schema: { tags, querystring: ZListGroups, response: { 200: zPageOf(ZGroup) } }, config: read },
    (req) => req.run((ctx) => service.pageGroups(ctx, req.query)),
  );
  app.post(
    '/api/groups',
    { schema: { tags, body: ZCreateGroup, response: { 201: ZGroup } }, config: write },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createGroup(ctx, req.body))),
  );
  app.get('/api/groups/:id', { schema: { tags, params: ZIdParam, response: { 200: ZGroup } }, config: read }, (req) =>
    req.run((ctx) => service.getGroup(ctx, req.params.id)),
  );
  app.patch(
    '/api/groups/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateGroup, response: { 200: ZGroup } }, config: write },
    (req) => req.run((ctx) => service.updateGroup(ctx, req.params.id, req.body)),
  );

  // Spreadsheet downloads declare no response schema: the body is the .xlsx file.
  app.get('/api/org/import-template.xlsx', { schema: { tags }, config: read }, async (_req, reply) =>
    sendXlsx(reply, '组织人员导入模板.xlsx', await xlsx.importTemplate()),
  );
  app.get('/api/units/export.xlsx', { schema: { tags }, config: read }, async (req, reply) =>
    req.run((ctx) => sendXlsxExport(reply, unitsExport(ctx))),
  );
  app.get('/api/groups/export.xlsx', { schema: { tags, querystring: ZListGroups }, config: read }, async (req, reply) =>
    req.run((ctx) => sendXlsxExport(reply, groupsExport(ctx, req.query))),
  );
  app.get('/api/people/export.xlsx', { schema: { tags, querystring: ZListPeople }, config: read }, async (req, reply) =>
    req.run((ctx) => sendXlsxExport(reply, peopleExport(ctx, req.query))),
  );
  app.post(
    '/api/org/import',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZOrgImportResult } }, config: write },
    async (req) => {
      const file = await req.file();
      if (!file) throw badRequest('IMPORT_NO_FILE', '请选择要导入的 Excel 文件', 'file');
      const buffer = await file.toBuffer();
      return req.run((ctx) => xlsx.importOrg(ctx, buffer));
    },
  );
}
