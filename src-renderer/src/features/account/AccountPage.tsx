import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useSession } from '../../app/session';
import { CredentialFields } from '../../components/CredentialFields';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useMutation } from '../../lib/query';

export function AccountPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { session } = useSession();
  const [form] = Form.useForm();
  const { mutate, pending } = useMutation('users.changeOwnSecret');
  const user = session.user!;

  const submit = async (v: { current: string; authKind: 'pin' | 'password'; secret: string }) => {
    try {
      await mutate({ current: v.current, authKind: v.authKind, secret: v.secret });
      form.resetFields();
      void message.success(t('account.changed'));
    } catch (err) {
      showApiError(err, message, form);
    }
  };

  return (
    <div style={{ maxWidth: 520 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('account.title')}
      </Typography.Title>
      <Typography.Paragraph>
        {user.displayName} · {user.username} · {t(`role.${user.role}`)}
      </Typography.Paragraph>
      <Card size="small" title={t('account.change')}>
        <Form form={form} layout="vertical" onFinish={submit} data-testid="account-form">
          <Form.Item
            name="current"
            label={t('account.current')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <CredentialFields />
          <Button type="primary" htmlType="submit" loading={pending}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
