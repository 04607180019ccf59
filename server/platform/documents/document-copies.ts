/**
 * The issued copy of every official document (存档件). When a document is issued its .docx is rendered once, at
 * the end of the issuing transaction (after the event's writes, so it shows what was decided), and kept with its
 * registry row; every later download serves those bytes, whatever was edited since — a served legal act never
 * changes. Drafts keep rendering live. A document issued without a copy (issued before copies were kept, seeded,
 * or one whose rendering failed inside the event) keeps the copy rendered at its first download.
 *
 * Each module registers the download of its kinds (`registerDocument`); a download reads its object within the
 * caller's scope first (the access check) and then calls `issuedCopy`, which answers the kept copy or renders.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import type { Executor } from '../db/client.js';
import { issuedDocuments } from './documents.tables.js';

export interface RenderedDocument {
  name: string;
  body: Buffer;
}

/** A kind's download: the object's document as the caller may see it (404 outside their scope). */
export type DocumentDownload = (ctx: Ctx, objectId: string) => Promise<RenderedDocument>;

const downloads = new Map<string, DocumentDownload>();
/** Documents issued in a transaction and not yet copied, by the transaction's executor. */
const pending = new WeakMap<Executor, { id: string; kind: string; objectId: string }[]>();

/** Declares how documents of these kinds are downloaded; the issuing transaction uses it to keep the copy. */
export function registerDocument(kinds: string | string[], download: DocumentDownload) {
  for (const k of [kinds].flat()) downloads.set(k, download);
}

/** Kinds with a registered download (tests check that every issued kind has one). */
export const registeredKinds = () => [...downloads.keys()];

const copiesOff = new AsyncLocalStorage<true>();

/**
 * Runs `work` keeping no copies of what it issues: the demo seed issues hundreds of documents on first start, and
 * rendering each there took most of the start-up; a seeded document's copy is kept at its first download instead.
 */
export const withoutIssuedCopies = <T>(work: () => Promise<T>) => copiesOff.run(true, work);

/** Called by the registry when a document is issued: its copy is rendered by `keepIssuedCopies`. */
export function noteIssued(db: Executor, row: { id: string; kind: string; objectId: string }) {
  if (copiesOff.getStore()) return;
  const list = pending.get(db) ?? [];
  list.push(row);
  pending.set(db, list);
}

/**
 * Renders and keeps the copies of the documents issued in this transaction (the transition engine calls it after
 * an event's effects). Each runs in a savepoint: a copy that cannot be rendered now is rendered at first download
 * instead, and never undoes the event.
 */
export async function keepIssuedCopies(ctx: Ctx) {
  const list = pending.get(ctx.db);
  if (!list?.length) return;
  pending.delete(ctx.db);
  for (const doc of list) {
    const download = downloads.get(doc.kind);
    if (!download) continue;
    try {
      await ctx.db.transaction((sp) => download({ ...ctx, db: sp }, doc.objectId));
    } catch {
      // Not rendered inside the event (e.g. the issuer cannot read it): the first download keeps it.
    }
  }
}

/**
 * The document of (kind, object) as issued — its kept copy — or `render()`: a live 草稿 before it is issued; for
 * an issued document without a copy yet, the rendering is kept as its copy (only the first is kept).
 */
export async function issuedCopy(
  db: Executor,
  kinds: string | string[],
  objectId: string,
  render: () => Promise<RenderedDocument>,
): Promise<RenderedDocument> {
  const [issued] = await db
    .select({ id: issuedDocuments.id, name: issuedDocuments.copyName, body: issuedDocuments.copy })
    .from(issuedDocuments)
    .where(and(inArray(issuedDocuments.kind, [kinds].flat()), eq(issuedDocuments.objectId, objectId)));
  if (issued?.body && issued.name) return { name: issued.name, body: issued.body };
  const doc = await render();
  if (issued) return keepCopy(db, issued.id, doc);
  return doc;
}

/** Keeps `doc` as the copy of an issued document unless one was kept meanwhile; answers the kept one. */
export async function keepCopy(db: Executor, id: string, doc: RenderedDocument): Promise<RenderedDocument> {
  const [kept] = await db
    .update(issuedDocuments)
    .set({ copy: doc.body, copyName: doc.name })
    .where(and(eq(issuedDocuments.id, id), isNull(issuedDocuments.copy)))
    .returning({ id: issuedDocuments.id });
  if (kept) return doc;
  const [row] = await db
    .select({ name: issuedDocuments.copyName, body: issuedDocuments.copy })
    .from(issuedDocuments)
    .where(eq(issuedDocuments.id, id));
  return row?.body && row.name ? { name: row.name, body: row.body } : doc;
}
