import { Alert, App, Button, Card, Checkbox, Col, Divider, Form, Input, Row, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { CredentialFields } from '../../components/CredentialFields';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { invalidate, useMutation, useQuery } from '../../lib/query';

interface SetupForm {
  store: { code: string; name: string; address: string; timezone: string; currency: string };
  admin: { username: string; displayName: string; authKind: 'pin' | 'password'; secret: string; secretAgain: string };
  demo: boolean;
}

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Shanghai'];
  }
}

/** First run: the store and its first administrator, in one screen. */
export function SetupPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SetupForm>();
  const status = useQuery('setup.status', {});
  const { mutate, pending } = useMutation('setup.initialize');
  const zones = useMemo(() => timeZones().map((z) => ({ value: z, label: z })), []);

  const submit = async (v: SetupForm) => {
    try {
      const { secretAgain: _again, ...admin } = v.admin;
      await mutate({ store: v.store, admin, demo: v.demo });
      invalidate(['*']);
    } catch (err) {
      showApiError(err, message, form);
    }
  };

  return (
    <div style={{ maxWidth: 760, margin: '32px auto', padding: '0 16px' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <LanguageSwitch />
      </div>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('setup.title')}
          </Typography.Title>
        }
      >
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        {status.data && !status.data.allowedHere && (
          <Alert type="warning" showIcon title={t('setup.remoteOnly')} style={{ marginBottom: 16 }} />
        )}
        <Form<SetupForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            store: {
              timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai',
              currency: 'CNY',
              address: '',
            },
            demo: false,
          }}
          data-testid="setup-form"
        >
          <Divider titlePlacement="start">{t('setup.storeSection')}</Divider>
          <Row gutter={16}>
            <Col xs={24} sm={8}>
              <Form.Item
                name={['store', 'code']}
                label={t('setup.code')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Input placeholder="SH-001" data-testid="store-code" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={16}>
              <Form.Item
                name={['store', 'name']}
                label={t('setup.name')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Input data-testid="store-name-input" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={['store', 'address']} label={t('setup.address')}>
            <Input />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={16}>
              <Form.Item name={['store', 'timezone']} label={t('setup.timezone')} rules={[{ required: true }]}>
                <Select showSearch options={zones} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name={['store', 'currency']} label={t('setup.currency')} rules={[{ required: true }]}>
                <Select options={['CNY', 'HKD', 'USD', 'EUR', 'SGD', 'JPY'].map((c) => ({ value: c, label: c }))} />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('setup.adminSection')}</Divider>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name={['admin', 'username']}
                label={t('setup.username')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Input autoComplete="username" data-testid="admin-username" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name={['admin', 'displayName']}
                label={t('setup.displayName')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Input data-testid="admin-name" />
              </Form.Item>
            </Col>
          </Row>
          <CredentialFields prefix={['admin']} />
          <Form.Item name="demo" valuePropName="checked">
            <Checkbox data-testid="demo-check">{t('setup.demo')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={pending} size="large" block data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
