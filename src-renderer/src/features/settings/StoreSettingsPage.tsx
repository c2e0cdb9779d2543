import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { ROLES } from '../../../../src-shared/roles';
import { StoreFields } from '../../components/StoreFields';
import { ReceivingSettingsCard } from './ReceivingSettingsCard';
import { ScanSettingsCard } from './ScanSettingsCard';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useMutation, useQuery } from '../../lib/query';
import { moneySymbol } from '../../lib/money';

type StoreForm = MethodOutput<'store.get'>;

export function StoreSettingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<StoreForm>();
  const current = useQuery('store.get', {});
  const { mutate, pending } = useMutation('store.update');
  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data);
  }, [current.data, form]);
  if (!current.data) return <Spin />;

  const submit = async (v: StoreForm) => {
    try {
      const { code: _code, id: _id, ...store } = { ...current.data!.store, ...v.store };
      await mutate({ store, settings: v.settings });
      void message.success(t('common.saved'));
    } catch (err) {
      showApiError(err, message, form);
    }
  };
  const num = (
    name: {
      [K in keyof StoreForm['settings']]-?: StoreForm['settings'][K] extends number ? K : never;
    }[keyof StoreForm['settings']],
    min: number,
    max: number,
  ) => (
    <Form.Item
      name={['settings', name]}
      label={t(`settings.${name}`, { currency: moneySymbol() })}
      rules={[{ required: true, type: 'number', min, max }]}
    >
      <InputNumber min={min} max={max} style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <div style={{ maxWidth: 860 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="store-settings-form">
        <Card size="small" title={t('setup.storeSection')} style={{ marginBottom: 12 }}>
          <StoreFields fixedCode={current.data.store.code} />
        </Card>
        <Card size="small" title={t('settings.security')} style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col span={8}>{num('sessionIdleMinutes', 5, 1440)}</Col>
            <Col span={8}>{num('lockoutThreshold', 3, 20)}</Col>
            <Col span={8}>{num('lockoutMinutes', 1, 1440)}</Col>
          </Row>
        </Card>
        <Card size="small" title={t('settings.inventory')} style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name={['settings', 'negativeStock']} label={t('settings.negativeStock')}>
                <Select
                  options={[
                    { value: 'block', label: t('settings.negativeStock.block') },
                    { value: 'allow', label: t('settings.negativeStock.allow') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col span={12}>{num('expiryAlertDays', 0, 365)}</Col>
            <Col span={12}>{num('recountPercent', 0, 1000)}</Col>
            <Col span={12}>{num('recountValue', 0, 1_000_000)}</Col>
          </Row>
        </Card>
        <Card size="small" title={t('settings.backdate')} style={{ marginBottom: 12 }}>
          <Typography.Paragraph type="secondary">{t('settings.backdate.hint')}</Typography.Paragraph>
          <Row gutter={16}>
            {ROLES.map((role) => (
              <Col span={6} key={role}>
                <Form.Item
                  name={['settings', 'backdateDays', role]}
                  label={t(`role.${role}`)}
                  rules={[{ required: true, type: 'number', min: 0, max: 366 }]}
                >
                  <InputNumber min={0} max={366} style={{ width: '100%' }} data-testid={`backdate-${role}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>
        <ReceivingSettingsCard />
        <ScanSettingsCard />
        <Card size="small" title={t('settings.maintenance')} style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col span={8}>{num('backupKeep', 1, 365)}</Col>
            <Col span={16}>
              <Form.Item name={['settings', 'updateFeedUrl']} label={t('settings.updateFeedUrl')}>
                <Input placeholder="https://hq.example.com/updates" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Button type="primary" htmlType="submit" loading={pending} data-testid="store-settings-save">
          {t('common.save')}
        </Button>
      </Form>
    </div>
  );
}
