import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorReply } from './errors-handler.js';

const NDJSON = 'application/x-ndjson';

/** True when the client asked to follow a long request line by line (`Accept: application/x-ndjson`). */
export const wantsProgress = (req: FastifyRequest) => (req.headers.accept ?? '').includes(NDJSON);

/**
 * Answers a long request as NDJSON, so the client can show progress and no proxy sees an idle
 * connection: `{"type":"progress",…}` lines while `work` runs, then one `{"type":"result","data":…}`
 * or `{"type":"error","status":400,"body":{"code":…,"message":…}}`. The HTTP status is 200 once
 * the first line is out: the last line carries the real outcome, with the usual error body.
 */
export async function sendWithProgress<P extends object, T>(
  req: FastifyRequest,
  reply: FastifyReply,
  work: (progress: (p: P) => void) => Promise<T>,
): Promise<FastifyReply> {
  const stream = new PassThrough();
  const line = (value: unknown) => stream.write(`${JSON.stringify(value)}\n`);
  reply
    .status(200)
    .header('content-type', `${NDJSON}; charset=utf-8`)
    .header('cache-control', 'no-store')
    .header('x-accel-buffering', 'no');
  reply.send(stream);
  try {
    line({ type: 'result', data: await work((p) => line({ type: 'progress', ...p })) });
  } catch (err) {
    const { status, body } = errorReply(err as Error, req);
    line({ type: 'error', status, body });
  } finally {
    stream.end();
  }
  return reply;
}
