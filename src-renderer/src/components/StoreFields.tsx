import { Col, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../lib/i18n';

const CURRENCIES = ['CNY', 'HKD', 'MOP', 'TWD', 'USD', 'EUR', 'SGD', 'JPY'].map((c) => ({ value: c, label: c }));

function timeZones(): { value: string; label: string }[] {
  try {
    return Intl.supportedValuesOf('timeZone').map((z) => ({ value: z, label: z }));
  } catch {
    return [{ value: 'Asia/Shanghai', label: 'Asia/Shanghai' }];
  }
}

/**
 * The store's own fields under `store.*`, shared by first-run setup and store
 * settings. The code is set once at setup (HQ and replication key on it) and
 * only shown afterwards.
 */
export function StoreFields({ fixedCode }: { fixedCode?: string }) {
  const { t } = useI18n();
  const zones = useMemo(timeZones, []);
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          {fixedCode === undefined ? (
            <Form.Item name={['store', 'code']} label={t('setup.code')} rules={required}>
              <Input placeholder="SH-001" data-testid="store-code" />
            </Form.Item>
          ) : (
            <Form.Item label={t('setup.code')}>
              <Input value={fixedCode} disabled />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name={['store', 'name']} label={t('setup.name')} rules={required}>
            <Input data-testid="store-name-input" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['store', 'address']} label={t('setup.address')}>
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={16}>
          <Form.Item name={['store', 'timezone']} label={t('setup.timezone')} rules={required}>
            <Select showSearch options={zones} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={['store', 'currency']} label={t('setup.currency')} rules={required}>
            <Select options={CURRENCIES} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
