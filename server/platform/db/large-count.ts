/**
 * Totals of large result sets, shared for a few seconds.
 *
 * A paginated list answers with a page and the number of matches. The page reads a few index entries; the
 * number reads all of them, so at 28,000 matches the count costs more than the rest of the request together
 * (BENCHMARKS.md, issue #7). Counts of at least LARGE rows are kept for TTL_MS per key and shared by
 * concurrent requests; smaller counts are always exact and fresh. The key must identify the caller's whole
 * scope and filter (it decides what is counted); the region id in it keeps databases apart in one process.
 */
const LARGE = 1000;
const TTL_MS = 5_000;
const MAX_KEYS = 2_000;

const entries = new Map<string, { at: number; n: Promise<number> }>();

export async function largeCount(key: string, count: () => Promise<number>, now = Date.now()): Promise<number> {
  const hit = entries.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.n;
  const n = count();
  entries.set(key, { at: now, n });
  if (entries.size > MAX_KEYS) entries.delete(entries.keys().next().value as string);
  try {
    const value = await n;
    // Small totals are cheap: they stay exact. Requests that arrived meanwhile shared this one's answer.
    if (value < LARGE && entries.get(key)?.n === n) entries.delete(key);
    return value;
  } catch (err) {
    if (entries.get(key)?.n === n) entries.delete(key);
    throw err;
  }
}
