import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness.js';
import { serveWebAssets } from './web-assets.js';

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
