import { Alert, App, Descriptions, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CountHeaderDto } from '../../../../src-shared/api/methods/counts';
import { money } from '../../lib/money';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useMutation, useQuery } from '../../lib/query';

/** The confirmation before posting: totals from the server, and what to do with uncounted lines. */
export function PostCountModal(props: { count: CountHeaderDto; open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [uncounted, setUncounted] = useState<'skip' | 'zero'>('skip');
  const preview = useQuery('counts.preview', { id: props.count.id, uncounted }, { enabled: props.open });
  const post = useMutation('counts.post');
  const totals = preview.data;

  const submit = async () => {
    try {
      const r = await post.mutate({ id: props.count.id, uncounted });
      void message.success(t('counts.posted', { number: props.count.number, adjustments: r.adjustments }));
      props.onClose();
    } catch (err) {
      showApiError(err, message);
    }
  };

  return (
    <Modal
      open={props.open}
      title={t('counts.postTitle', { number: props.count.number })}
      okText={t('counts.post')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={props.onClose}
      confirmLoading={post.pending}
      okButtonProps={{ disabled: !totals, danger: true, 'data-testid': 'count-post-confirm' }}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('counts.postHint')}</Typography.Text>
        {!!totals?.uncounted && uncounted === 'skip' && (
          <Alert type="warning" showIcon message={t('counts.uncountedWarn', { count: totals.uncounted })} />
        )}
        <div>
          <Typography.Text strong>{t('counts.uncountedRule')}: </Typography.Text>
          <Radio.Group value={uncounted} onChange={(e) => setUncounted(e.target.value as 'skip' | 'zero')}>
            <Radio value="skip">{t('counts.uncounted.skip')}</Radio>
            <Radio value="zero">{t('counts.uncounted.zero')}</Radio>
          </Radio.Group>
        </div>
        {totals && (
          <Descriptions size="small" column={2} bordered data-testid="count-post-totals">
            <Descriptions.Item label={t('counts.totals.lines')}>{totals.lines}</Descriptions.Item>
            <Descriptions.Item label={t('counts.totals.counted')}>{totals.counted}</Descriptions.Item>
            <Descriptions.Item label={t('counts.totals.uncounted')}>{totals.uncounted}</Descriptions.Item>
            <Descriptions.Item label={t('counts.totals.recount')}>{totals.recount}</Descriptions.Item>
            <Descriptions.Item label={t('counts.totals.adjustments')}>{totals.adjustments}</Descriptions.Item>
            <Descriptions.Item label={t('counts.totals.varianceValue')}>
              {money(totals.varianceValue)}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Space>
    </Modal>
  );
}
