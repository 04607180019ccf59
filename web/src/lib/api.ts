import type { QueryClient, Query as CachedQuery } from '@tanstack/react-query';
import type { z } from '../../../common/zod';

/**
 * The single fetch wrapper of the web client: same-origin cookies, CSRF header on writes,
 * and the server's error shape (SPEC 3a) turned into `ApiError`.
 */

export interface FieldError {
  field: string;
  message: string;
}

export interface ImportRowError {
  sheet?: string;
  row: number;
  field?: string;
  message: string;
}

export interface ErrorBody {
  code?: string;
  message?: string;
  field?: string;
  fields?: FieldError[];
  rows?: ImportRowError[];
  /** All row errors when `rows` lists only the first ones. */
  total?: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly fields: FieldError[];
  readonly rows: ImportRowError[];
  readonly total?: number;

  constructor(status: number, body: ErrorBody) {
    super(body.message || defaultMessage(status));
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? `HTTP_${status}`;
    this.field = body.field;
    this.fields = body.fields ?? [];
    this.rows = body.rows ?? [];
    this.total = body.total;
  }
}

function defaultMessage(status: number): string {
  if (status === 0) return '无法连接服务器，请检查网络';
  if (status === 401) return '请先登录';
  if (status === 403) return '没有执行此操作的权限';
  if (status === 404) return '对象不存在或无权查看';
  if (status === 409) return '数据已被他人修改，请刷新后重试';
  if (status === 413) return '文件过大';
  if (status >= 500) return '服务器内部错误，请稍后重试';
  return '请求失败';
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  formData?: FormData;
  signal?: AbortSignal;
  /** Do not redirect to /login on 401 (used by the session probe and the login form). */
  allowUnauthenticated?: boolean;
  /** A call made without a session (sign-in): no CSRF token to fetch or send. */
  noSession?: boolean;
  /** Extra request headers, e.g. `Idempotency-Key` on a create form's submission. */
  headers?: Record<string, string>;
}

let csrfToken: string | null = null;
let unauthorizedHandler: () => void = () => {
  if (!window.location.pathname.startsWith('/login')) {
    const next = encodeURIComponent(window.location.pathname + window.location.search);
    window.location.assign(`/login?next=${next}`);
  }
};

/** Remember the CSRF token returned by `GET /api/me`; sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Replace the default 401 behaviour (full reload to /login) with an in-app navigation. */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

export function buildUrl(path: string, query?: Query): string {
  const url = path.startsWith('/api') ? path : `/api${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function ensureCsrfToken(): Promise<void> {
  if (csrfToken) return;
  const res = await fetch('/api/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (res.ok) {
    const me = (await res.json()) as { csrfToken?: string };
    csrfToken = me.csrfToken ?? null;
  }
}

/** Writes on their way to the server, by method, address and body (see `api`). */
const inFlight = new Map<string, Promise<unknown>>();

/**
 * Calls the API. A write identical to one still on its way (a double click on 提交, a key held down) is not sent
 * again: the caller shares the first one's answer, so one request reaches the server instead of a success and a
 * "数据已被他人修改" together.
 */
export function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  if (method === 'GET' || options.formData) return call<T>(path, options);
  const key = `${method} ${buildUrl(path, options.query)} ${JSON.stringify(options.body ?? null)}`;
  const pending = inFlight.get(key);
  if (pending) return pending as Promise<T>;
  const request = call<T>(path, options).finally(() => inFlight.delete(key));
  inFlight.set(key, request);
  return request;
}

async function call<T>(path: string, options: RequestOptions): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (err) {
    // The session was renewed elsewhere (e.g. another tab signed in again): refresh the token once.
    if (err instanceof ApiError && err.code === 'CSRF_FAILED') {
      csrfToken = null;
      return send<T>(path, options);
    }
    throw err;
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.formData) {
    body = options.formData;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && !options.noSession) {
    await ensureCsrfToken();
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, {});
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const error = new ApiError(res.status, (data as ErrorBody | undefined) ?? {});
    if (res.status === 401 && !options.allowUnauthenticated) {
      csrfToken = null;
      unauthorizedHandler();
    }
    throw error;
  }
  return data as T;
}

/**
 * Where an upload stands: `upload` while the browser sends the file (bytes), `processing` once it
 * is sent, then the server's own steps when it reports them (`read`, `validate`, `write`).
 */
export interface UploadProgress {
  phase: string;
  done?: number;
  total?: number;
}

interface ProgressLine {
  type: 'progress' | 'result' | 'error';
  phase?: string;
  done?: number;
  total?: number;
  data?: unknown;
  status?: number;
  body?: ErrorBody;
}

/**
 * POSTs a file with progress: XMLHttpRequest reports the bytes sent (fetch cannot), and a server
 * that answers `application/x-ndjson` reports its steps line by line, the last line carrying the
 * result or the usual error body. Other answers are read like `api()`'s.
 */
export async function apiUpload<T>(
  path: string,
  formData: FormData,
  onProgress: (p: UploadProgress) => void,
): Promise<T> {
  try {
    return await upload<T>(path, formData, onProgress);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'CSRF_FAILED') {
      csrfToken = null;
      return upload<T>(path, formData, onProgress);
    }
    throw err;
  }
}

async function upload<T>(path: string, formData: FormData, onProgress: (p: UploadProgress) => void): Promise<T> {
  await ensureCsrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let last: ProgressLine | null = null;
    /** Reads the complete NDJSON lines received so far. */
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n') + 1;
      if (end <= seen) return;
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line.trim()) continue;
        last = JSON.parse(line) as ProgressLine;
        if (last.type === 'progress') onProgress({ phase: last.phase ?? '', done: last.done, total: last.total });
      }
      seen = end;
    };
    const fail = (status: number, body: ErrorBody) => {
      if (status === 401) {
        csrfToken = null;
        unauthorizedHandler();
      }
      reject(new ApiError(status, body));
    };
    const streamed = () => (xhr.getResponseHeader('content-type') ?? '').includes('application/x-ndjson');
    xhr.open('POST', buildUrl(path));
    xhr.setRequestHeader('accept', 'application/x-ndjson, application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) =>
      onProgress({ phase: 'upload', done: e.loaded, total: e.lengthComputable ? e.total : undefined });
    xhr.upload.onload = () => onProgress({ phase: 'processing' });
    xhr.onprogress = () => {
      if (streamed()) readLines();
    };
    xhr.onerror = () => reject(new ApiError(0, {}));
    xhr.onload = () => {
      try {
        if (xhr.status === 200 && streamed()) {
          readLines();
          const outcome = last as ProgressLine | null;
          if (outcome?.type === 'result') resolve(outcome.data as T);
          else if (outcome?.type === 'error') fail(outcome.status ?? 500, outcome.body ?? {});
          else fail(0, {});
          return;
        }
        const data = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
        if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
        else fail(xhr.status, (data as ErrorBody | undefined) ?? {});
      } catch {
        fail(xhr.status >= 400 ? xhr.status : 0, {});
      }
    };
    xhr.send(formData);
  });
}

export const apiGet = <T>(path: string, query?: Query, signal?: AbortSignal) => api<T>(path, { query, signal });
export const apiPost = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body: body ?? {} });
export const apiPut = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });
export const apiPatch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });
export const apiDelete = <T>(path: string, query?: Query) => api<T>(path, { method: 'DELETE', query });

/** Paginated collection answer (SPEC 3a). */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
  sort?: string;
  q?: string;
}

/**
 * The filters of a server-side list, taken from the server's query schema (`ZList…`) so a filter
 * the server accepts cannot be missing here: every field but the page, page size and sort, which
 * `useListParams` keeps itself.
 */
export type ListFilters<S extends z.ZodType> = OnTheWire<Omit<z.input<S>, 'page' | 'pageSize' | 'sort'>>;

/** A coerced field (`z.coerce.number()`, a year) takes `unknown` in; from the URL it is a string or a number. */
type OnTheWire<T> = { [K in keyof T]: unknown extends T[K] ? string | number | undefined : T[K] };

/** The query a list's hook sends: the filters of its schema with the page, page size and sort of the URL. */
export type ListQueryOf<S extends z.ZodType> = ListFilters<S> & { page?: number; pageSize?: number; sort?: string };

/**
 * Records deleted, or gone out of the caller's reach (报送上级), while this page was open. A query naming one is
 * not refetched by any refresh (a live change, a reconnection, a list refresh): it would ask for the record once
 * more and show 不存在 (a 404) while the page leaves for the list. Opening the record again lifts the mark.
 */
const goneRecords = new Set<string>();

/** Whether a query may be refetched: it names no record that is gone. The predicate of every broad refresh. */
export const namesNoGoneRecord = (query: CachedQuery): boolean =>
  !query.queryKey.some((part) => typeof part === 'string' && goneRecords.has(part));

/** A page showing the record mounted again (the user came back to it): queries naming it refresh as usual. */
export function reopenRecord(query: CachedQuery): void {
  for (const part of query.queryKey) if (typeof part === 'string') goneRecords.delete(part);
}

/** After a record was deleted or left the caller's reach: mark it gone and refresh the rest under `root`. */
export function leaveRecord(qc: QueryClient, root: readonly unknown[], id: string) {
  goneRecords.add(id);
  return qc.invalidateQueries({ queryKey: root, predicate: namesNoGoneRecord });
}
