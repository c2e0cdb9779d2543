import { Form, Input, Radio } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useI18n } from '../lib/i18n';

/**
 * PIN-or-password fields with a repeat check. The rules mirror the API's
 * (4-8 digits / 8-128 characters) so most mistakes show before the call; the
 * API still decides and its messages land on the same fields.
 */
export function CredentialFields({ prefix = [], secretLabel }: { prefix?: string[]; secretLabel?: string }) {
  const { t } = useI18n();
  const kindName: NamePath = [...prefix, 'authKind'];
  const secretName: NamePath = [...prefix, 'secret'];
  return (
    <>
      <Form.Item name={kindName} label={t('setup.authKind')} initialValue="pin">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'pin', label: t('setup.pin') },
            { value: 'password', label: t('setup.password') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={[kindName]}>
        {({ getFieldValue }) => {
          const pin = getFieldValue(kindName) === 'pin';
          return (
            <Form.Item
              name={secretName}
              label={secretLabel ?? (pin ? t('setup.pin') : t('setup.password'))}
              rules={[
                pin
                  ? { pattern: /^\d{4,8}$/, required: true, message: t('validation.pinFormat') }
                  : { min: 8, max: 128, required: true, message: t('validation.passwordLength') },
              ]}
            >
              <Input.Password inputMode={pin ? 'numeric' : 'text'} autoComplete="new-password" data-testid="secret" />
            </Form.Item>
          );
        }}
      </Form.Item>
      <Form.Item
        name={[...prefix, 'secretAgain']}
        label={t('setup.secretAgain')}
        dependencies={[secretName]}
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              v === getFieldValue(secretName)
                ? Promise.resolve()
                : Promise.reject(new Error(t('validation.secretMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="secret-again" />
      </Form.Item>
    </>
  );
}
