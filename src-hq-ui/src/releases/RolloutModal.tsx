import { Form, InputNumber, Typography } from 'antd';
import { useMemo } from 'react';
import type { ReleaseDto } from '../../../src-shared/hq-api/methods/releases';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation } from '../lib/query';

/** A release's rollout percentage, with what raising it means. */
export function RolloutModal(props: { release: ReleaseDto | null; onClose(): void }) {
  const { t } = useI18n();
  const set = useMutation('releases.setRollout');
  const r = props.release;
  const initial = useMemo(() => ({ rollout: r?.rollout ?? 0 }), [r]);
  return (
    <FormModal<{ rollout: number }>
      open={!!r}
      title={t('hq.releases.rollout.title', { version: r?.version ?? '' })}
      initialValues={initial}
      onSubmit={async (v) => {
        await set.mutate({ version: r!.version, rollout: v.rollout });
        return t('hq.releases.rollout.saved', { version: r!.version, rollout: v.rollout });
      }}
      onClose={props.onClose}
      testId="rollout-form"
      okTestId="rollout-save"
    >
      <Typography.Paragraph type="secondary">{t('hq.releases.rollout.hint')}</Typography.Paragraph>
      <Form.Item
        name="rollout"
        label={t('hq.releases.f.rollout')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 140 }} data-testid="rollout-input" />
      </Form.Item>
    </FormModal>
  );
}
