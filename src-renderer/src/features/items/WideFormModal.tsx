import { App, Form, Modal } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { FormModalProps } from '../../components/FormModal';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';

/**
 * components/FormModal with a width: the item dialog (units and barcodes side
 * by side) does not fit FormModal's fixed 520 px. Same behaviour otherwise;
 * once FormModal takes a width this file can go.
 */
export function WideFormModal<V extends object>(props: FormModalProps<V> & { width: number; children: ReactNode }) {
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
      return;
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
      width={props.width}
      onCancel={props.onClose}
      onOk={() => void submit()}
      confirmLoading={pending}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'item-save' } as Record<string, string>}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 200px)', overflowY: 'auto', overflowX: 'hidden' } }}
    >
      <Form form={form} layout="vertical" data-testid={props.testId} preserve={false} size="small">
        {props.children}
      </Form>
    </Modal>
  );
}
