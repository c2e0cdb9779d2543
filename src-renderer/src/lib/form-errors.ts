import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ApiError } from '../../../src-shared/errors';

/**
 * Shows an API error where the user will look: next to the fields it names
 * (when the form has them), otherwise as a toast. Unknown errors are rethrown
 * to the error boundary.
 */
export function showApiError(err: unknown, message: MessageInstance, form?: FormInstance): void {
  if (!(err instanceof ApiError)) throw err;
  const fields = err.data.fields ?? [];
  if (form && fields.length) {
    const known = fields.filter((f) => f.path && form.getFieldInstance(f.path.split('.')) !== undefined);
    form.setFields(known.map((f) => ({ name: f.path.split('.'), errors: [f.message] })));
    const rest = fields.filter((f) => !known.includes(f));
    if (known.length && !rest.length) return;
    void message.error(
      rest.length ? `${err.message} ${rest.map((f) => `${f.path}: ${f.message}`).join('; ')}` : err.message,
    );
    return;
  }
  void message.error(fields.length ? `${err.message} ${fields.map((f) => f.message).join(' ')}` : err.message);
}
