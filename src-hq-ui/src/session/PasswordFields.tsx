import { Form, Input } from 'antd';
import { useI18n } from '../../../src-renderer/src/lib/i18n';

/**
 * An HQ password and its repeat. HQ users sign in with passwords only (HQ is
 * reached over the network, a PIN is too short); the rule mirrors the API's
 * (8 to 128 characters), which still decides.
 */
export function PasswordFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="password"
        label={t('hq.signIn.password')}
        rules={[{ min: 8, max: 128, required: true, message: t('validation.passwordLength') }]}
      >
        <Input.Password autoComplete="new-password" data-testid="password" />
      </Form.Item>
      <Form.Item
        name="passwordAgain"
        label={t('setup.secretAgain')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              v === getFieldValue('password')
                ? Promise.resolve()
                : Promise.reject(new Error(t('validation.secretMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-again" />
      </Form.Item>
    </>
  );
}
