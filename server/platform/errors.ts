/**
 * The one error type of the server. `code` is stable for API clients, `message` is the
 * Chinese text shown to users (SPEC 3a error shape).
 */
export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { field?: string; fields?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON() {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export const badRequest = (code: string, message: string, field?: string) =>
  new AppError(400, code, message, field ? { field } : {});
export const unauthenticated = (message = '请先登录') => new AppError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = '没有执行此操作的权限') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (message = '对象不存在或无权查看') => new AppError(404, 'NOT_FOUND', message);
export const conflict = (message = '数据已被他人修改，请刷新后重试') => new AppError(409, 'VERSION_CONFLICT', message);
export const ruleViolation = (code: string, message: string, field?: string) =>
  new AppError(422, code, message, field ? { field } : {});
