import { Card, Col, Form, InputNumber, Row, Select } from 'antd';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';

/**
 * The receiving part of the store settings (inside the settings form): the
 * quantity tolerance against orders, the temperature limits, and which item
 * categories arrive chilled or frozen (their lines need a reading).
 */
export function ReceivingSettingsCard() {
  const { t, locale } = useI18n();
  const categories = useQuery('categories.list', {});
  const options = (categories.data ?? []).map((c) => ({
    value: c.code,
    label: (locale === 'zh-CN' ? c.nameZh : c.nameEn) || c.code,
  }));
  const num = (name: 'receiveTolerancePercent' | 'chilledMaxTemp' | 'frozenMaxTemp', min: number, max: number) => (
    <Form.Item
      name={['settings', name]}
      label={t(`settings.${name}`)}
      rules={[{ required: true, type: 'number', min, max }]}
    >
      <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} data-testid={`settings-${name}`} />
    </Form.Item>
  );
  return (
    <Card size="small" title={t('settings.receiving')} style={{ marginBottom: 12 }}>
      <Row gutter={16}>
        <Col span={8}>{num('receiveTolerancePercent', 0, 100)}</Col>
        <Col span={8}>{num('chilledMaxTemp', -10, 20)}</Col>
        <Col span={8}>{num('frozenMaxTemp', -40, 0)}</Col>
        <Col span={12}>
          <Form.Item name={['settings', 'chilledCategories']} label={t('settings.chilledCategories')}>
            <Select mode="multiple" options={options} allowClear />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['settings', 'frozenCategories']} label={t('settings.frozenCategories')}>
            <Select mode="multiple" options={options} allowClear />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
