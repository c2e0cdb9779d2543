import { App, Form, Modal } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { showApiError } from '../lib/form-errors';
import { useI18n } from '../lib/i18n';

export interface FormModalProps<V> {
  open: boolean;
  title: string;
  okText?: string;
  /** Filled in each time the dialog opens. */
  initialValues?: Partial<V>;
  /** Runs the call; the returned text is shown as a success toast. */
  onSubmit(values: V): Promise<string | void>;
  onClose(): void;
  children: ReactNode;
  testId?: string;
  /** Wider dialogs (e.g. items with units and barcodes side by side); default 520 px. */
  width?: number;
  /** Compact fields for dialogs with many of them. */
  size?: 'small' | 'middle';
  okTestId?: string;
  /** Shows the values without a way to save them (master data HQ manages at an enrolled store). */
  readOnly?: boolean;
}

/**
 * A dialog with a form: validates, shows the spinner while the call runs, puts
 * API errors next to their fields (or in a toast), and closes on success. Every
 * create/edit dialog uses it so they all behave the same.
 */
export function FormModal<V extends object>(props: FormModalProps<V>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [pending, setPending] = useState(false);
  const { open, initialValues } = props;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (initialValues) form.setFieldsValue(initialValues as Parameters<typeof form.setFieldsValue>[0]);
  }, [open, initialValues, form]);

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setPending(true);
    try {
      const done = await props.onSubmit(values);
      if (done) void message.success(done);
      props.onClose();
    } catch (err) {
      showApiError(err, message, form);
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={props.title}
      onCancel={props.onClose}
      onOk={() => void submit()}
      confirmLoading={pending}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      width={props.width}
      okButtonProps={{
        ...(props.okTestId ? ({ 'data-testid': props.okTestId } as Record<string, string>) : {}),
        // antd's button styles outrank the hidden attribute.
        style: props.readOnly ? { display: 'none' } : undefined,
      }}
      // Long forms scroll inside the dialog so its buttons stay on a 768 px screen.
      styles={{ body: { maxHeight: 'calc(100vh - 200px)', overflowY: 'auto', overflowX: 'hidden' } }}
    >
      <Form
        form={form}
        layout="vertical"
        data-testid={props.testId}
        preserve={false}
        size={props.size}
        disabled={props.readOnly}
      >
        {props.children}
      </Form>
    </Modal>
  );
}
