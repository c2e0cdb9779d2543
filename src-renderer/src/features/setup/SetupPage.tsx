import { Alert, App, Button, Card, Checkbox, Col, Divider, Form, Input, Row, Typography } from 'antd';
import { CredentialFields } from '../../components/CredentialFields';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { StoreFields } from '../../components/StoreFields';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { invalidate, useMutation, useQuery } from '../../lib/query';

interface SetupForm {
  store: { code: string; name: string; address: string; timezone: string; currency: string };
  admin: { username: string; displayName: string; authKind: 'pin' | 'password'; secret: string; secretAgain: string };
  demo: boolean;
}

/** First run: the store and its first administrator, in one screen. */
export function SetupPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SetupForm>();
  const status = useQuery('setup.status', {});
  const { mutate, pending } = useMutation('setup.initialize');

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
          <StoreFields />
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
