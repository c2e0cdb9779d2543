import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useI18n } from '../../lib/i18n';

/**
 * Settings of the receiving desk inside the store settings form: the
 * containers weighed with goods (tare presets), the chain's variable-measure
 * EAN-13 layouts, and the character scanners send between GS1 fields.
 */
export function ScanSettingsCard() {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('settings.scanning')} style={{ marginBottom: 12 }}>
      <Form.Item label={t('settings.tarePresets')} extra={t('settings.tarePresetsHint')}>
        <Form.List name={['settings', 'tarePresets']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('settings.tareName')} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'grams']}
                    rules={[{ required: true, type: 'number', min: 1, max: 100_000 }]}
                  >
                    <InputNumber addonAfter="g" min={1} max={100_000} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', grams: 1000 })}>
                {t('settings.addTare')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('settings.variableLayouts')} extra={t('settings.variableLayoutsHint')}>
        <Form.List name={['settings', 'variableLayouts']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'prefix']} rules={[{ required: true, pattern: /^\d{1,3}$/ }]}>
                    <Input addonBefore={t('settings.layoutPrefix')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'itemDigits']} rules={[{ required: true }]}>
                    <InputNumber addonBefore={t('settings.layoutItem')} min={1} max={10} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'valueKind']}>
                    <Select
                      style={{ width: 110 }}
                      options={[
                        { value: 'weight', label: t('settings.layoutWeight') },
                        { value: 'price', label: t('settings.layoutPrice') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'valueDigits']} rules={[{ required: true }]}>
                    <InputNumber addonBefore={t('settings.layoutDigits')} min={1} max={10} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'decimals']} rules={[{ required: true }]}>
                    <InputNumber addonBefore={t('settings.layoutDecimals')} min={0} max={4} style={{ width: 130 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ prefix: '21', itemDigits: 5, valueKind: 'weight', valueDigits: 5, decimals: 3 })}
              >
                {t('settings.addLayout')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item
        name={['settings', 'scanSeparator']}
        label={t('settings.scanSeparator')}
        extra={t('settings.scanSeparatorHint')}
      >
        <Input maxLength={1} style={{ width: 80 }} />
      </Form.Item>
    </Card>
  );
}
