import crypto from 'node:crypto';
import type { Executor } from './client.js';

/**
 * Statements built once per shape and database handle, prepared under a name (issue #19). A shape is whatever
 * decides the SQL text — which filters are present, the sort, the kind of scope — never a value: values travel as
 * placeholders. The same shape is the same text, so one name (`prefix` and a hash of the shape's key) serves every
 * handle and connection. `key` may be given when the caller already has it (it is the shape's JSON by default).
 */
export function preparedByShape<S, T>(prefix: string, build: (db: Executor, shape: S, name: string) => T) {
  const names = new Map<string, string>();
  const built = new WeakMap<Executor, Map<string, T>>();
  return (db: Executor, shape: S, key = JSON.stringify(shape)): T => {
    let name = names.get(key);
    if (!name) {
      name = `${prefix}_${crypto.createHash('sha1').update(key).digest('hex').slice(0, 12)}`;
      names.set(key, name);
    }
    let perDb = built.get(db);
    if (!perDb) {
      perDb = new Map();
      built.set(db, perDb);
    }
    let statement = perDb.get(key);
    if (!statement) {
      statement = build(db, shape, name);
      perDb.set(key, statement);
    }
    return statement;
  };
}
