import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../src-shared/errors';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { call } from '../lib/api';
import { invalidate, useMutation } from '../lib/query';
import { useSession } from '../lib/session';
import { AuthCard } from './AuthCard';
import { PasswordFields } from './PasswordFields';

/** After an administrator reset the password: the user sets their own before anything else opens. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const [form] = Form.useForm<{ current: string; password: string; passwordAgain: string }>();
  const { mutate, pending } = useMutation('session.changePassword');
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: { current: string; password: string }) => {
    setError(null);
    try {
      await mutate({ current: v.current, password: v.password });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.data.fields?.[0]?.message ?? err.message);
    }
  };
  const signOut = async () => {
    await call('session.logout', {}).catch(() => undefined);
    invalidate(['*']);
  };

  return (
    <AuthCard title={t('hq.users.changeTitle')} hqName={session.hqName} width={420}>
      <Alert type="info" showIcon title={t('hq.users.mustChange')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="change-error" />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="change-form">
        <Form.Item
          name="current"
          label={t('hq.users.f.current')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password autoFocus autoComplete="current-password" data-testid="change-current" />
        </Form.Item>
        <PasswordFields />
        <Button type="primary" htmlType="submit" block loading={pending} data-testid="change-submit">
          {t('hq.users.changeSubmit')}
        </Button>
        <Button type="link" block onClick={() => void signOut()} style={{ marginTop: 8 }}>
          {t('shell.signOut')}
        </Button>
      </Form>
    </AuthCard>
  );
}
