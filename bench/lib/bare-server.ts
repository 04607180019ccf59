/**
 * The yardsticks the API's throughput is compared with (SPEC §6), on the same machine: a bare Fastify route,
 * and — with DATABASE_URL — the same route running one trivial query through a pg pool, the floor of any
 * route that touches the database.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = process.env.DATABASE_URL ? new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 }) : null;
const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true, items: [] }));
if (pool) app.get('/one-query', async () => ({ ok: true, items: (await pool.query('SELECT 1 AS x')).rows }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ready');
