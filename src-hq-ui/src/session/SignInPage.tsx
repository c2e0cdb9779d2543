import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../src-shared/errors';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation } from '../lib/query';
import { useSession } from '../lib/session';
import { AuthCard } from './AuthCard';

/** HQ staff sign in with user name and password; keyboard only: type, Tab, type, Enter. */
export function SignInPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const { mutate, pending } = useMutation('session.login');
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: { username: string; password: string }) => {
    setError(null);
    try {
      await mutate(v); // its contract marks everything stale: the session comes back signed in
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.message);
      form.setFieldValue('password', '');
    }
  };

  return (
    <AuthCard title={t('hq.signIn.title')} hqName={session.hqName} width={400}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="login-error" />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="login-form">
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input size="large" autoFocus autoComplete="username" data-testid="login-username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('hq.signIn.password')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password size="large" autoComplete="current-password" data-testid="login-secret" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={pending} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
