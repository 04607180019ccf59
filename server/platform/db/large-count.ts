/**
 * Totals of large result sets, shared for a few seconds.
 *
 * A paginated list answers with a page and the number of matches. The page reads a few index entries; the
 * number reads all of them, so at 28,000 matches the count costs more than the rest of the request together
 * (BENCHMARKS.md, issue #7). Counts of at least LARGE rows are kept for TTL_MS per key and shared by
 * concurrent requests; smaller counts are always exact and fresh. The key must identify the caller's whole
 * scope and filter (it decides what is counted); the region id in it keeps databases apart in one process.
 *
 * A kept total that has aged past TTL_MS is still answered while one request counts again in the background
 * (for at most STALE_MS more): under load the new count waits behind every queued request for a pooled
 * connection, and the requests that would have waited for it were the slowest hundredth (issue #19).
 */
const LARGE = 1000;
const TTL_MS = 5_000;
const STALE_MS = 30_000;
const MAX_KEYS = 2_000;

interface Entry {
  at: number;
  n: Promise<number>;
  /** A count to replace this one is running. */
  refreshing: boolean;
}

const entries = new Map<string, Entry>();

/** Runs the count; when it answers, its entry takes the place of `replaces` (unless a small total: not kept). */
function counting(key: string, count: () => Promise<number>, now: number, replaces?: Entry): Entry {
  const entry: Entry = { at: now, n: count(), refreshing: false };
  const mine = replaces ?? entry;
  entry.n.then(
    (value) => {
      if (entries.get(key) !== mine) return;
      if (value < LARGE) entries.delete(key);
      else entries.set(key, entry);
    },
    () => entries.get(key) === mine && entries.delete(key),
  );
  return entry;
}

export async function largeCount(key: string, count: () => Promise<number>, now = Date.now()): Promise<number> {
  const hit = entries.get(key);
  const age = hit ? now - hit.at : Number.POSITIVE_INFINITY;
  if (hit && age < TTL_MS) return hit.n;
  if (hit && age < TTL_MS + STALE_MS) {
    if (!hit.refreshing) {
      hit.refreshing = true;
      counting(key, count, now, hit);
    }
    return hit.n;
  }
  const entry = counting(key, count, now);
  entries.set(key, entry);
  if (entries.size > MAX_KEYS) entries.delete(entries.keys().next().value as string);
  return entry.n;
}
