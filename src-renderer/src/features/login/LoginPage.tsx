import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../../src-shared/errors';
import { useSession } from '../../app/session';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../lib/i18n';
import { invalidate, useMutation } from '../../lib/query';

/** Sign-in by user name and PIN or password; keyboard only: type, Tab, type, Enter. */
export function LoginPage() {
  const { t, setLocale } = useI18n();
  const { session } = useSession();
  const [form] = Form.useForm<{ username: string; secret: string }>();
  const { mutate, pending } = useMutation('session.login');
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: { username: string; secret: string }) => {
    setError(null);
    try {
      const s = await mutate(v);
      if (s.user?.locale) setLocale(s.user.locale);
      invalidate(['*']);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.message);
      form.setFieldValue('secret', '');
    }
  };

  return (
    <div style={{ maxWidth: 400, margin: '12vh auto', padding: '0 16px' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <LanguageSwitch />
      </div>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        {session.store && (
          <Typography.Paragraph type="secondary" data-testid="login-store">
            {t('home.storeLine', { code: session.store.code, name: session.store.name })}
          </Typography.Paragraph>
        )}
        {session.lan && <Alert type="info" showIcon title={t('login.lanNotice')} style={{ marginBottom: 12 }} />}
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
            name="secret"
            label={t('login.secret')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password size="large" autoComplete="current-password" data-testid="login-secret" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={pending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
