import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ApiError } from '../../../src-shared/errors';

/**
 * Like showApiError, for forms with lists: `lines.1.qty` must become the name
 * path ['lines', 1, 'qty'] (a number) to reach the Form.List field. The message
 * is also toasted so a line scrolled out of view still gets noticed.
 */
export function showLinesError(err: unknown, message: MessageInstance, form: FormInstance): void {
  if (!(err instanceof ApiError)) throw err;
  const fields = err.data.fields ?? [];
  form.setFields(
    fields
      .filter((f) => f.path)
      .map((f) => ({ name: f.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)), errors: [f.message] })),
  );
  void message.error(fields.length === 1 ? fields[0]!.message : err.message);
}
