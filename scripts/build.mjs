/**
 * Builds what `npm start` runs: the web bundle (web/dist, Vite) and the server compiled to JavaScript in dist/
 * (tsc -p tsconfig.build.json), with the files the compiled server reads at run time copied beside it
 * (dist/server/db/migrations, dist/web/dist). Plain JavaScript, so that it runs without dev dependencies.
 *
 *   node scripts/build.mjs            build everything (npm run build)
 *   node scripts/build.mjs --install  the same, or nothing when dev dependencies are absent (npm install / npm ci)
 *   node scripts/build.mjs --start    build only what is missing or older than its sources (before npm start)
 *
 * A production install (npm ci --omit=dev) has neither Vite nor TypeScript: it runs the dist/ built before it.
 */
import { spawnSync } from 'node:child_process';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));

const STAMP = 'dist/.built';
const SERVER_SOURCES = ['server', 'common', 'scripts', 'tsconfig.json', 'tsconfig.build.json'];
const WEB_INDEX = 'web/dist/index.html';
const mode = process.argv[2] ?? '--all';
const hasDevDependencies = fs.existsSync('node_modules/typescript') && fs.existsSync('node_modules/vite');

/** Runs a dev dependency's command line with this Node, stopping the build when it fails. */
function run(bin, args) {
  const result = spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function buildWeb() {
  run('node_modules/vite/bin/vite.js', ['build', '--config', 'web/vite.config.ts']);
  precompress('web/dist');
}

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/** Writes `.br` and `.gz` beside every text asset over 1 KB, once, so the server never compresses them per request. */
function precompress(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      precompress(file);
      continue;
    }
    if (!COMPRESSIBLE.test(entry.name)) continue;
    const body = fs.readFileSync(file);
    if (body.length < 1024) continue;
    const quality = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY } };
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body, quality));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
  }
}

function buildServer({ clean }) {
  if (clean) fs.rmSync('dist', { recursive: true, force: true });
  run('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
  // dist/server/platform/db/client.js finds the migrations at ../../db/migrations, as the source does.
  fs.rmSync('dist/server/db/migrations', { recursive: true, force: true });
  fs.cpSync('server/db/migrations', 'dist/server/db/migrations', { recursive: true });
  copyWeb();
}

/** The compiled server serves the web bundle from dist/web/dist (app.js resolves ../web/dist); stamps the build. */
function copyWeb() {
  fs.rmSync('dist/web', { recursive: true, force: true });
  if (fs.existsSync(WEB_INDEX)) fs.cpSync('web/dist', 'dist/web/dist', { recursive: true });
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

/** Newest modification time (ms) of a file or of any file under a folder. */
function newest(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) max = Math.max(max, newest(path.join(target, entry)));
  return max;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

const noBuild =
  '没有可运行的编译产物 dist/，且未安装开发依赖，无法编译。请先执行 npm ci && npm run build。\n' +
  'No compiled server in dist/ and no dev dependencies to build it: run npm ci && npm run build first.';

if (mode === '--all') {
  if (!hasDevDependencies) fail(noBuild);
  buildWeb();
  buildServer({ clean: true });
} else if (mode === '--install') {
  if (hasDevDependencies) {
    buildWeb();
    buildServer({ clean: true });
  } else {
    console.log(
      '未安装开发依赖，跳过编译，使用已有的 dist/ · no dev dependencies: build skipped, dist/ is used as it is',
    );
  }
} else if (mode === '--start') {
  if (!hasDevDependencies) {
    if (!fs.existsSync(STAMP)) fail(noBuild);
  } else {
    if (!fs.existsSync(WEB_INDEX)) buildWeb();
    const built = newest(STAMP);
    if (SERVER_SOURCES.some((source) => newest(source) > built)) buildServer({ clean: false });
    else if (newest('web/dist') > built) copyWeb();
  }
} else {
  fail(`unknown option ${mode}: use --install or --start, or no option`);
}
