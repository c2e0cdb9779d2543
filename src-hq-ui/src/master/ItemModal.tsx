import { Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useMemo } from 'react';
import type { HqItemDto } from '../../../src-shared/hq-api/methods/master';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation } from '../lib/query';

type Values = Omit<HqItemDto, 'id'>;

/** An item of the chain's master, new or edited; stores get it at their next sync. */
export function ItemModal(props: { open: boolean; item: HqItemDto | null; onClose(): void }) {
  const { t } = useI18n();
  const save = useMutation('items.save');
  const i = props.item;
  const initial = useMemo<Partial<Values>>(
    () => i ?? { baseUnit: 'g', active: true, lotTracked: false, shelfLifeDays: null },
    [i],
  );
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal<Values>
      open={props.open}
      title={i ? t('hq.items.edit', { code: i.code }) : t('hq.items.add')}
      initialValues={initial}
      onSubmit={async (v) => {
        await save.mutate({ ...v, id: i?.id });
        return t('hq.master.saved');
      }}
      onClose={props.onClose}
      testId="item-form"
      okTestId="item-save"
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="code" label={t('items.f.code')} rules={required}>
            <Input maxLength={40} data-testid="item-code" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="category" label={t('items.f.category')} rules={required}>
            <Input maxLength={40} data-testid="item-category" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="nameZh" label={t('items.f.nameZh')} rules={required}>
        <Input maxLength={200} data-testid="item-name-zh" />
      </Form.Item>
      <Form.Item name="nameEn" label={t('items.f.nameEn')} rules={required}>
        <Input maxLength={200} data-testid="item-name-en" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="baseUnit" label={t('items.f.baseUnit')} rules={required}>
            {/* The base unit decides how every quantity of the item is counted: not editable once it exists. */}
            <Select disabled={!!i} options={['g', 'ml', 'pc'].map((u) => ({ value: u, label: u }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="shelfLifeDays" label={t('items.f.shelfLife')}>
            <InputNumber min={0} max={36500} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="lotTracked" valuePropName="checked" noStyle>
        <Checkbox>{t('items.f.lotTracked')}</Checkbox>
      </Form.Item>{' '}
      <Form.Item name="active" valuePropName="checked" noStyle>
        <Checkbox>{t('items.f.active')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
