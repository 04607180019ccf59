import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZSearchQuery, ZSearchResult } from '../../../common/search.schema.js';
import { search } from './search.service.js';

const tags = ['全局搜索'];

/** Any signed-in user: each kind is searched only with the caller's permission for it and within their scope. */
export async function searchRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/search', { schema: { tags, querystring: ZSearchQuery, response: { 200: ZSearchResult } } }, (req) =>
    req.run((ctx) => search(ctx, req.query.q)),
  );
}
