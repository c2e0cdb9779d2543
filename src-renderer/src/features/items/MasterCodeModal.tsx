import { Form, Input, InputNumber } from 'antd';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../lib/i18n';

export interface CodeNameValues {
  code: string;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
}

/** Create/edit dialog shared by storage areas and categories: code, both names, sort order. */
export function CodeNameModal(props: {
  open: boolean;
  title: string;
  initialValues?: Partial<CodeNameValues>;
  codeHint?: string;
  onSubmit(v: CodeNameValues): Promise<string>;
  onClose(): void;
  testId: string;
}) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal<CodeNameValues>
      open={props.open}
      title={props.title}
      initialValues={props.initialValues}
      onSubmit={props.onSubmit}
      onClose={props.onClose}
      testId={props.testId}
    >
      <Form.Item name="code" label={t('items.f.code')} rules={required} extra={props.codeHint}>
        <Input autoComplete="off" data-testid={`${props.testId}-code`} />
      </Form.Item>
      <Form.Item name="nameZh" label={t('items.f.nameZh')} rules={required}>
        <Input data-testid={`${props.testId}-nameZh`} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('items.f.nameEn')} rules={required}>
        <Input data-testid={`${props.testId}-nameEn`} />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('items.f.sortOrder')}>
        <InputNumber min={0} precision={0} />
      </Form.Item>
    </FormModal>
  );
}
