import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { useSession } from '../../app/session';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useMutation } from '../../lib/query';
import { PlanView } from './PlanView';

type Plan = MethodOutput<'sync.enrollPreview'>;
interface Fields {
  hqUrl: string;
  code: string;
}

/**
 * Enrollment in two steps: HQ's plan for this store's existing data is shown
 * (nothing changes yet), then the admin confirms exactly that plan.
 */
export function EnrollPanel() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const [form] = Form.useForm<Fields>();
  const preview = useMutation('sync.enrollPreview');
  const confirm = useMutation('sync.enrollConfirm');
  const [plan, setPlan] = useState<{ plan: Plan; input: Fields } | null>(null);

  if (!can(['admin'])) {
    return (
      <Alert type="info" showIcon message={t('sync.state.not-enrolled')} description={t('sync.enroll.adminOnly')} />
    );
  }

  const check = async (input: Fields) => {
    try {
      setPlan({ plan: await preview.mutate(input), input });
    } catch (err) {
      showApiError(err, message, form);
    }
  };
  const enroll = async () => {
    if (!plan) return;
    try {
      await confirm.mutate({ ...plan.input, planHash: plan.plan.planHash });
      void message.success(t('sync.enroll.done', { hq: plan.plan.hqName }));
    } catch (err) {
      setPlan(null);
      showApiError(err, message, form);
    }
  };

  return (
    <Card size="small" title={t('sync.enroll.title')}>
      <Typography.Paragraph type="secondary">{t('sync.enroll.intro')}</Typography.Paragraph>
      <Form<Fields>
        form={form}
        layout="inline"
        onFinish={(v) => void check(v)}
        disabled={!!plan}
        style={{ rowGap: 8, marginBottom: 16 }}
      >
        <Form.Item name="hqUrl" label={t('sync.enroll.url')} rules={[{ required: true, message: t('sync.v.hqUrl') }]}>
          <Input placeholder="https://hq.example.com" style={{ width: 300 }} data-testid="sync-hq-url" />
        </Form.Item>
        <Form.Item name="code" label={t('sync.enroll.code')} rules={[{ required: true, message: t('sync.v.code') }]}>
          <Input style={{ width: 220 }} autoComplete="off" data-testid="sync-code" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={preview.pending} data-testid="sync-preview">
            {t('sync.enroll.preview')}
          </Button>
        </Form.Item>
      </Form>
      {plan && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="sync-plan-panel">
          <Alert
            type="info"
            showIcon
            message={t('sync.enroll.planTitle', {
              hq: plan.plan.hqName,
              code: plan.plan.storeCode,
              name: plan.plan.storeName,
            })}
            description={t('sync.enroll.planHint')}
          />
          <PlanView plans={plan.plan.plans} />
          <Space>
            <Button type="primary" onClick={() => void enroll()} loading={confirm.pending} data-testid="sync-confirm">
              {t('sync.enroll.confirm')}
            </Button>
            <Button onClick={() => setPlan(null)} disabled={confirm.pending}>
              {t('sync.enroll.cancel')}
            </Button>
          </Space>
        </Space>
      )}
    </Card>
  );
}
