import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Vite names every built asset after its content hash: a changed file is a new URL, so it never goes stale. */
const HASHED = /\/assets\/[^/]+-[\w-]{8}\.\w+(\.br|\.gz)?$/;

/**
 * Serves the built web client: hashed assets cached for a year as immutable, everything else (index.html)
 * revalidated on every load, and the `.br`/`.gz` files written at build time sent to browsers that accept them.
 * A client address (`/`, `/problems`, `/warnings/12`: a last segment without a dot) gets the document at once,
 * without @fastify/static looking for a file of that name first (a stat and a directory read per reload).
 * Returns the document's sender, for the not-found fallback.
 */
export async function serveWebAssets(app: FastifyInstance, root: string) {
  const sendDocument = documentSender(root);
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (req, reply) => {
      if (req.method === 'GET' && isClientAddress(req.url)) return sendDocument(req, reply);
    });
    await scope.register(fastifyStatic, {
      root,
      prefix: '/',
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', HASHED.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  });
  return sendDocument;
}

/** A path the web client routes (no file has such a name): not the API, and no dot in its last segment. */
function isClientAddress(url: string): boolean {
  const end = url.indexOf('?');
  const pathname = end === -1 ? url : url.slice(0, end);
  return !pathname.startsWith('/api/') && !pathname.slice(pathname.lastIndexOf('/') + 1).includes('.');
}

interface Document {
  mtimeMs: number;
  size: number;
  etag: string;
  lastModified: string;
  plain: Buffer;
  br: Buffer;
  gzip: Buffer;
}

/**
 * index.html for the client's own addresses (/problems, /warnings/…): each reload of a screen asks it. Read and
 * compressed once per build (its mtime and size: a rebuild while the server runs is seen at the next request),
 * not opened, streamed and compressed on every request as `sendFile` did; revalidated with its ETag (304).
 */
export function documentSender(root: string) {
  const file = path.join(root, 'index.html');
  let doc: Document | null = null;
  const load = async (): Promise<Document> => {
    const st = await fs.promises.stat(file);
    if (doc && doc.mtimeMs === st.mtimeMs && doc.size === st.size) return doc;
    const plain = await fs.promises.readFile(file);
    doc = {
      mtimeMs: st.mtimeMs,
      size: st.size,
      etag: `W/"${st.size.toString(16)}-${Math.trunc(st.mtimeMs).toString(16)}"`,
      lastModified: st.mtime.toUTCString(),
      plain,
      br: zlib.brotliCompressSync(plain, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: zlib.gzipSync(plain, { level: 9 }),
    };
    return doc;
  };
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const d = await load();
    reply
      .header('cache-control', 'no-cache')
      .header('etag', d.etag)
      .header('last-modified', d.lastModified)
      .header('vary', 'accept-encoding')
      .type('text/html; charset=utf-8');
    const match = req.headers['if-none-match'];
    if (match?.split(',').some((tag) => tag.trim() === d.etag)) return reply.code(304).send();
    const accepts = String(req.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(d.br);
    if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(d.gzip);
    return reply.send(d.plain);
  };
}
