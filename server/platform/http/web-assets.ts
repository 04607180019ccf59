import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Vite names every built asset after its content hash: a changed file is a new URL, so it never goes stale. */
const HASHED = /\/assets\/[^/]+-[\w-]{8}\.\w+(\.br|\.gz)?$/;

/**
 * Serves the built web client: hashed assets cached for a year as immutable, everything else (index.html)
 * revalidated on every load, and the `.br`/`.gz` files written at build time sent to browsers that accept them.
 */
export async function serveWebAssets(app: FastifyInstance, root: string) {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', HASHED.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
