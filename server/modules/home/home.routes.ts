import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZHome } from '../../../common/home.schema.js';
import { getHome } from './home.service.js';

const tags = ['今日工作'];

/** Any signed-in user: the entries come from the caller's own permissions and scope (home.sections.ts). */
export async function homeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/home', { schema: { tags, response: { 200: ZHome } } }, (req) => req.run((ctx) => getHome(ctx)));
}
