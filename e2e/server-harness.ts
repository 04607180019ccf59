import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  stop: () => Promise<void>;
  /** The last lines the server printed (warnings and errors at LOG_LEVEL=warn). */
  logTail: () => string;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The server serves web/dist; build it once if it is not there yet. */
export function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(ROOT, 'web/dist/index.html')) && process.env.E2E_REBUILD !== '1') return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      // vitest sets NODE_ENV=test, and Vite would build React and antd in development mode (antd's
      // css-dev-only-… classes, a 668 KB React chunk): the browser tests drive what `npm start` serves.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}

/**
 * Start `tsx server/main.ts` on a free port and wait for /api/health. The data directory is fresh (the server seeds
 * the demo county) or a copy of `template`, a directory a stopped server seeded (with its audit key beside it).
 */
export async function startServer(
  extraEnv: Record<string, string> = {},
  { template, keepData = false }: { template?: string; keepData?: boolean } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zelian-e2e-'));
  if (template) {
    fs.cpSync(template, dataDir, { recursive: true });
    fs.cpSync(`${template}-audit`, `${dataDir}-audit`, { recursive: true });
    fs.rmSync(path.join(dataDir, 'zelian.lock'), { recursive: true, force: true });
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  // E2E_SERVER_LOG=<file> keeps everything the servers print (with E2E_LOG_LEVEL=info: each request and its time).
  const logFile = process.env.E2E_SERVER_LOG;
  const keep = (chunk: Buffer) => {
    if (logFile) fs.appendFileSync(logFile, chunk);
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  const stop = async () => {
    if (!exited && child.pid) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 10_000);
      await gone;
      clearTimeout(timer);
    }
    if (keepData) return;
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(`${dataDir}-audit`, { recursive: true, force: true });
  };

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited) {
      await stop();
      throw new Error(`服务器启动失败：\n${log.join('')}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return { baseUrl, dataDir, stop, logTail: () => log.join('') };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`服务器 120 秒内未就绪：\n${log.join('')}`);
}
