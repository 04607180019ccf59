/**
 * ZELIAN_WORKERS > 1 (issue #19, "use every core"): the primary process forks N workers with node:cluster, each the
 * whole application as a single process runs it, sharing the port (the primary accepts connections and hands them
 * out in turn). The primary serves no request: it prepares the database once (server/main.ts), starts the workers,
 * replaces one that dies (after a back-off that grows while replacements keep dying young, so a crash loop does not
 * spin) and, on SIGTERM or SIGINT, stops them the way a single process stops — each finishes its in-flight requests.
 *
 * A worker knows its slot (0…N−1) from ZELIAN_WORKER_SLOT; a replacement takes the slot of the worker it replaces,
 * so "slot 0 runs the background jobs" survives a crash. cluster.fork re-runs the same entry with the same
 * execArgv and arguments: `node --import tsx server/main.ts`, `npx tsx server/main.ts` (tsx's loader is in the
 * execArgv of the process it starts) and `node --enable-source-maps dist/server/main.js` alike.
 */
import cluster, { type Worker } from 'node:cluster';

const SLOT_ENV = 'ZELIAN_WORKER_SLOT';
/** A worker that dies younger than this counts as a crash loop: its next replacement waits twice as long. */
const YOUNG_MS = 30_000;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
/** How long workers get to finish their in-flight requests after SIGTERM before they are killed. */
const STOP_TIMEOUT_MS = 30_000;

/** This process's worker slot (0…N−1), or null when it is not a worker (a single process, or the primary). */
export function workerSlot(): number | null {
  return cluster.isWorker ? Number(process.env[SLOT_ENV] ?? 0) : null;
}

/** The wait before a worker is replaced, after `streak` young deaths in a row in its slot: 0.5 s, 1 s, 2 s … 30 s. */
export function restartDelay(streak: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** streak);
}

export interface WorkerPoolOptions {
  count: number;
  /** Once, when every worker has listened for the first time. */
  onReady: () => void;
  /** A worker died before all had listened: the start failed (port taken, database refused…), nothing is replaced. */
  onStartFailed: (message: string) => void;
  log: (message: string) => void;
}

interface Slot {
  worker: Worker | null;
  startedAt: number;
  listened: boolean;
  /** Young deaths in a row. */
  streak: number;
  timer: NodeJS.Timeout | null;
}

export interface WorkerPool {
  /** The pids of the live workers. */
  pids(): number[];
  /** SIGTERM to every worker; resolves when all have exited (SIGKILL after STOP_TIMEOUT_MS). */
  stop(): Promise<void>;
}

/** Forks `count` workers and keeps `count` running until stop(). Call in the primary only. */
export function startWorkers(opts: WorkerPoolOptions): WorkerPool {
  const slots: Slot[] = Array.from({ length: opts.count }, () => ({
    worker: null,
    startedAt: 0,
    listened: false,
    streak: 0,
    timer: null,
  }));
  let ready = false;
  let stopping = false;

  const fork = (index: number) => {
    const slot = slots[index] as Slot;
    slot.timer = null;
    slot.startedAt = Date.now();
    const worker = cluster.fork({ [SLOT_ENV]: String(index) });
    slot.worker = worker;
    worker.once('listening', () => {
      slot.listened = true;
      if (!ready && slots.every((s) => s.listened)) {
        ready = true;
        opts.onReady();
      }
    });
    worker.once('exit', (code, signal) => {
      slot.worker = null;
      if (stopping) return;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      const pid = worker.process.pid;
      if (!ready) {
        opts.onStartFailed(
          `工作进程 ${index}（pid ${pid}）启动时退出（${how}），程序已停止 / worker ${index} (pid ${pid}) exited during start-up (${how}), stopped`,
        );
        return;
      }
      slot.streak = Date.now() - slot.startedAt < YOUNG_MS ? slot.streak + 1 : 0;
      const delay = restartDelay(slot.streak);
      opts.log(
        `工作进程 ${index}（pid ${pid}）意外退出（${how}），${delay} ms 后重启 / worker ${index} (pid ${pid}) exited (${how}), replaced in ${delay} ms`,
      );
      slot.timer = setTimeout(() => fork(index), delay);
    });
  };
  for (let i = 0; i < opts.count; i++) fork(i);

  return {
    pids: () => slots.flatMap((s) => (s.worker?.process.pid ? [s.worker.process.pid] : [])),
    async stop() {
      stopping = true;
      const live: Worker[] = [];
      for (const slot of slots) {
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = null;
        if (slot.worker && slot.worker.process.exitCode === null) live.push(slot.worker);
      }
      await Promise.all(
        live.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              const timer = setTimeout(() => worker.process.kill('SIGKILL'), STOP_TIMEOUT_MS);
              worker.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              // What a single process gets from its supervisor: it closes the server and finishes in-flight requests.
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
