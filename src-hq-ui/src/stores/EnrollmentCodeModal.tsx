import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Typography } from 'antd';
import type { HqMethodOutput } from '../../../src-shared/hq-api';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { hqTime } from '../lib/time';

export type IssuedCode = HqMethodOutput<'stores.create'>;

/**
 * A store's one-time enrollment code, shown this once (HQ keeps only its
 * hash), with when it expires and what the store's administrator does with
 * it. It closes only by its button: a click beside it must not lose the code.
 */
export function EnrollmentCodeModal(props: { issued: IssuedCode | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const i = props.issued;
  const copy = () => {
    if (!i) return;
    navigator.clipboard.writeText(i.enrollmentCode).then(
      () => void message.success(t('hq.code.copied')),
      () => void message.warning(t('hq.code.copyFailed')),
    );
  };
  return (
    <Modal
      open={i !== null}
      title={
        i && <span data-testid="code-title">{t('hq.code.title', { code: i.store.code, name: i.store.name })}</span>
      }
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={props.onClose} data-testid="code-done">
          {t('hq.code.done')}
        </Button>
      }
      width={560}
    >
      {i && (
        <div data-testid="enrollment-code-modal">
          <div style={{ display: 'flex', alignItems: 'center', gap: 12, margin: '8px 0 4px' }}>
            <Typography.Text
              strong
              style={{ fontFamily: 'ui-monospace, Consolas, monospace', fontSize: 28, letterSpacing: 2 }}
              data-testid="enrollment-code"
            >
              {i.enrollmentCode}
            </Typography.Text>
            <Button icon={<CopyOutlined />} onClick={copy} data-testid="code-copy">
              {t('hq.code.copy')}
            </Button>
          </div>
          <Typography.Paragraph type="secondary" data-testid="code-expires">
            {t('hq.code.expires', { at: hqTime(i.expiresAt) })}
          </Typography.Paragraph>
          <Alert type="warning" showIcon title={t('hq.code.once')} style={{ marginBottom: 12 }} />
          <Typography.Paragraph strong style={{ marginBottom: 4 }}>
            {t('hq.code.stepsTitle')}
          </Typography.Paragraph>
          <ol style={{ paddingInlineStart: 20, margin: 0 }} data-testid="code-steps">
            <li>{t('hq.code.step1')}</li>
            <li>
              {t('hq.code.step2')} <Typography.Text code>{location.origin}</Typography.Text>
            </li>
            <li>{t('hq.code.step3')}</li>
            <li>{t('hq.code.step4')}</li>
          </ol>
        </div>
      )}
    </Modal>
  );
}
