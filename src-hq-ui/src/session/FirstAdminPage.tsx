import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { showApiError } from '../../../src-renderer/src/lib/form-errors';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation } from '../lib/query';
import { useSession } from '../lib/session';
import { AuthCard } from './AuthCard';
import { PasswordFields } from './PasswordFields';

interface Values {
  username: string;
  displayName: string;
  password: string;
  passwordAgain: string;
}

/**
 * HQ has no user yet: its first administrator. HQ allows this only from a
 * browser on HQ's own machine (anyone else gets the API's refusal, which
 * names the command to run there instead); the page says so up front.
 */
export function FirstAdminPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { session } = useSession();
  const [form] = Form.useForm<Values>();
  const { mutate, pending } = useMutation('setup.createAdmin');

  const submit = async ({ passwordAgain: _again, ...v }: Values) => {
    try {
      await mutate({ ...v, locale });
    } catch (err) {
      showApiError(err, message, form);
    }
  };

  return (
    <AuthCard title={t('hq.setup.title')} hqName={session.hqName} width={520}>
      <Typography.Paragraph type="secondary">{t('hq.setup.intro')}</Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('hq.setup.localOnly')}
        description={
          <Typography.Text code copyable data-testid="create-admin-command">
            npm run hq -- --create-admin NAME
          </Typography.Text>
        }
      />
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="setup-form">
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input autoFocus autoComplete="username" data-testid="admin-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('hq.users.f.displayName')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input data-testid="admin-name" />
        </Form.Item>
        <PasswordFields />
        <Button type="primary" htmlType="submit" block loading={pending} data-testid="setup-submit">
          {t('hq.setup.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
