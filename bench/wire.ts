/**
 * bench/wire.ts — bytes on the wire for the first screen (the sign-in page: index.html and everything it loads
 * before any code runs) and for one ledger page of JSON, uncompressed as before and as a browser that sends
 * `Accept-Encoding: br, gzip` now gets them. Uses the server's own static and compression set-up on web/dist.
 * Usage: npm run build:web && npx tsx bench/wire.ts
 */
import path from 'node:path';
import { createTestApp } from '../server/test/harness.js';

const t = await createTestApp({ serveWeb: true });
const office = await t.as('office');
const get = (url: string, encoding?: string) =>
  t.app.inject({ url, headers: encoding ? { 'accept-encoding': encoding } : {} });

const index = await get('/');
if (index.statusCode !== 200) throw new Error(`web/dist is not built (${index.statusCode}): npm run build:web`);
const assets = [...index.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
const urls = ['/', ...assets];

let identity = 0;
let compressed = 0;
for (const url of urls) {
  identity += (await get(url)).rawPayload.length;
  compressed += (await get(url, 'br, gzip')).rawPayload.length;
}
const ledger = (encoding?: string) =>
  office.request({
    method: 'GET',
    url: '/api/problems?pageSize=20',
    headers: encoding ? { 'accept-encoding': encoding } : {},
  });
const jsonPlain = (await ledger()).rawPayload.length;
const jsonBr = (await ledger('br, gzip')).rawPayload.length;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
console.log(`first screen: ${urls.length} files (${path.basename(assets[0] ?? '')} …)`);
console.log(`  uncompressed ${kb(identity)}, compressed ${kb(compressed)} (${(identity / compressed).toFixed(1)}×)`);
console.log(`ledger page (20 rows) JSON: ${kb(jsonPlain)} → ${kb(jsonBr)} (${(jsonPlain / jsonBr).toFixed(1)}×)`);
await t.close();
