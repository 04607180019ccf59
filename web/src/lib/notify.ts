import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ApiError } from './api';

let messageApi: MessageInstance | null = null;

/** Called once from inside antd's <App> so messages use the themed, localised context. */
export function registerMessageApi(api: MessageInstance): void {
  messageApi = api;
}

export function notifySuccess(text: string): void {
  void messageApi?.success(text);
}

export function notifyWarning(text: string): void {
  void messageApi?.warning(text);
}

/** Show a server error's Chinese message (401 is handled by the redirect to /login). */
export function notifyError(error: unknown): void {
  if (error instanceof ApiError) {
    if (error.status === 401) return;
    void messageApi?.error(error.message);
    return;
  }
  if (error instanceof DOMException && error.name === 'AbortError') return;
  void messageApi?.error(error instanceof Error && error.message ? error.message : '操作失败');
}

/**
 * Put the server's `field` / `fields` errors on the matching form items.
 * Returns true when at least one field error was placed.
 */
export function applyFormErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const byField = new Map<string, string[]>();
  if (error.field) byField.set(error.field, [error.message]);
  for (const f of error.fields) byField.set(f.field, [...(byField.get(f.field) ?? []), f.message]);
  if (byField.size === 0) return false;
  const known = new Set(
    form
      .getFieldsError()
      .map((f) => f.name.join('.'))
      .filter(Boolean),
  );
  const entries = [...byField.entries()].filter(([name]) => known.size === 0 || known.has(name));
  form.setFields(entries.map(([name, errors]) => ({ name: name.split('.'), errors })));
  return entries.length > 0;
}

/**
 * For mutateAsync in confirm dialogs and buttons: the MutationCache already showed the error,
 * so resolve instead of leaving an unhandled rejection (the dialog then closes).
 */
export function quietly<T>(promise: Promise<T>): Promise<T | undefined> {
  return promise.catch(() => undefined);
}

/**
 * For a confirm dialog's OK: awaits the request, then says `success`, or else shows the error; the dialog then
 * closes either way.
 */
export async function notifyOutcome(request: Promise<unknown>, success: string): Promise<void> {
  try {
    await request;
    notifySuccess(success);
  } catch (err) {
    notifyError(err);
  }
}

/**
 * The form's values once its rules pass, or undefined while a field is missing or wrong (the fields say what):
 * `validateFields()` alone rejects, and an unawaited rejection is a script error on every empty submit.
 */
export async function validValues<T>(form: FormInstance<T>): Promise<T | undefined> {
  try {
    return await form.validateFields();
  } catch {
    return undefined;
  }
}

/**
 * Runs a form's submit: a server error goes onto the form fields it names, or else into a message.
 */
export async function submitForm(form: FormInstance, submit: () => Promise<void>): Promise<void> {
  try {
    await submit();
  } catch (err) {
    if (!applyFormErrors(form, err)) notifyError(err);
  }
}

/**
 * What a versioned settings form does with the answer to its save: a success message, or the server's errors on
 * the fields (else a message) and, when someone saved meanwhile (409), the current values reloaded.
 */
export function settingsSaved(form: FormInstance, success: string, reload: () => unknown) {
  return {
    onSuccess: () => notifySuccess(success),
    onError: (err: unknown) => {
      if (!applyFormErrors(form, err)) notifyError(err);
      if (err instanceof ApiError && err.status === 409) void reload();
    },
  };
}
