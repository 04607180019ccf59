import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness.js';
import { documentSender, serveWebAssets } from './web-assets.js';

describe('the built web client', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zelian-web-'));
  const script = `console.log(${JSON.stringify('责链'.repeat(600))});`;
  beforeAll(() => {
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>责链</title>');
    fs.writeFileSync(path.join(root, 'assets/index-Ab12Cd34.js'), script);
    fs.writeFileSync(path.join(root, 'assets/index-Ab12Cd34.js.br'), zlib.brotliCompressSync(script));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('sends hashed assets pre-compressed and immutable, and index.html to be revalidated', async () => {
    const app = Fastify();
    await serveWebAssets(app, root);
    const asset = await app.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(asset.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ url: '/assets/index-Ab12Cd34.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    const index = await app.inject({ url: '/' });
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.body).toBe('<!doctype html><title>责链</title>');
    // A client address is the document, without a file lookup; the API's paths are not.
    const address = await app.inject({ url: '/problems/G1?view=1' });
    expect(address.statusCode).toBe(200);
    expect(address.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(address.body).toBe(index.body);
    expect((await app.inject({ url: '/api/nothing' })).statusCode).toBe(404);
  });
});

describe("the client's addresses (index.html from memory)", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zelian-doc-'));
  const html = `<!doctype html><title>责链</title>${'<meta name="x">'.repeat(100)}`;
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('sends it compressed as asked, answers 304 to its ETag, and sees a rebuild', async () => {
    fs.writeFileSync(path.join(root, 'index.html'), html);
    const app = Fastify();
    const send = documentSender(root);
    app.setNotFoundHandler((req, reply) => send(req, reply));
    const plain = await app.inject({ url: '/problems' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.body).toBe(html);
    const br = await app.inject({ url: '/problems?x=1', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(html);
    const gz = await app.inject({ url: '/warnings/1', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(html);
    const etag = String(plain.headers.etag);
    const again = await app.inject({ url: '/problems', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    const rebuilt = html.replace('责链', '责链 新版');
    fs.writeFileSync(path.join(root, 'index.html'), rebuilt);
    fs.utimesSync(path.join(root, 'index.html'), new Date(), new Date(Date.now() + 5_000));
    const after = await app.inject({ url: '/problems', headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.body).toBe(rebuilt);
  });
});

describe('API answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('are compressed when the browser asks, except the live event stream', async () => {
    const office = await t.as('office');
    const asked = { 'accept-encoding': 'gzip' };
    const list = await office.request({ method: 'GET', url: '/api/units?pageSize=100', headers: asked });
    expect(list.headers['content-encoding']).toBe('gzip');
    const json = JSON.parse(zlib.gunzipSync(list.rawPayload).toString());
    expect(json.items.length).toBeGreaterThan(50);
    expect(list.rawPayload.length).toBeLessThan(Buffer.byteLength(JSON.stringify(json)) / 3);
    const stream = await office.request({ method: 'GET', url: '/api/notifications/stream?once=1', headers: asked });
    expect(stream.headers['content-encoding']).toBeUndefined();
    expect(stream.body).toContain(': connected');
  });
});
