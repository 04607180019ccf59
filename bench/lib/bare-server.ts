/** A bare Fastify route on the same machine, the yardstick the API's throughput is compared with (SPEC §6). */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true, items: [] }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ready');
