/**
 * CPU time per request, read from /proc (issue #19): utime + stime of the server process and of every
 * PostgreSQL backend connected to the bench database, before and after a fixed number of requests. Unlike
 * req/s, CPU per request hardly moves when other work shares the cores, so app and floor compare fairly on a
 * busy machine. Backends that start during the run count from zero; one that ends during it would be lost,
 * so the run is preceded by a warm-up that opens the pool.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

/** utime + stime of a process in ms, or 0 when it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** Reads the backends of one database through a connection to another (so this reader is not counted). */
export class BackendCpu {
  private client: pg.Client;
  constructor(
    adminUrl: string,
    private database: string,
  ) {
    this.client = new pg.Client({ connectionString: adminUrl });
  }
  open = () => this.client.connect();
  close = () => this.client.end();
  async pids(): Promise<number[]> {
    const { rows } = await this.client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [this.database],
    );
    return rows.map((r) => r.pid);
  }
  /** CPU ms of each backend now. */
  async snapshot(): Promise<Map<number, number>> {
    return new Map((await this.pids()).map((pid) => [pid, processCpuMs(pid)]));
  }
}

/** CPU spent between two snapshots by the backends of the later one (new backends from zero). */
export function backendDelta(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  return ms;
}
