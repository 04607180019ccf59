/** The ILIKE pattern of "contains `q`": its `\`, `%` and `_` match themselves. */
export const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
