import { Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { formatWeight } from '../../../../src-shared/devices';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { faultText } from '../../lib/fault-text';
import { useReprint } from '../../lib/use-reprint';

type Row = MethodOutput<'labels.history'>[number];
type Filter = 'all' | 'failed' | 'printed';

/**
 * Every label job, newest first: what it printed, on which printer, and for
 * the ones that did not print (paper out, printer off) why, with "print again".
 */
export function LabelHistoryPage() {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState<Filter>('all');
  const history = useQuery('labels.history', filter === 'all' ? { limit: 300 } : { status: filter, limit: 300 });
  const { busy, reprint } = useReprint();

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('labels.historyTitle')}
      </Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          options={[
            { value: 'all', label: t('items.status.all') },
            { value: 'failed', label: t('receiving.label.failed') },
            { value: 'printed', label: t('receiving.label.printed') },
          ]}
          data-testid="labels-filter"
        />
      </Space>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={history.loading}
        dataSource={history.data ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        data-testid="labels-history"
        columns={[
          {
            title: t('labels.when'),
            dataIndex: 'createdAt',
            width: 170,
            render: (v: string) => new Date(v).toLocaleString(locale),
          },
          {
            title: t('receiving.item'),
            render: (_, r) => `${r.data.itemCode} ${locale === 'zh-CN' ? r.data.nameZh : r.data.nameEn}`,
          },
          {
            title: t('labels.field.netWeight'),
            width: 110,
            render: (_, r) => (r.data.netWeight ? formatWeight(r.data.netWeight) : (r.data.qtyText ?? '')),
          },
          { title: t('labels.field.lot'), width: 110, render: (_, r) => r.data.lot ?? '' },
          { title: t('labels.printer'), width: 140, dataIndex: 'printerName', render: (v: string | null) => v ?? '—' },
          {
            title: t('devices.f.state'),
            width: 220,
            render: (_, r) => (
              <Tag color={r.status === 'printed' ? 'green' : r.status === 'failed' ? 'red' : 'orange'}>
                {r.status === 'failed'
                  ? t('receiving.labelFailed', { error: faultText(t, r.error) })
                  : t(`receiving.label.${r.status}`)}
              </Tag>
            ),
          },
          { title: t('labels.by'), width: 100, dataIndex: 'createdBy', render: (v: string | null) => v ?? '' },
          {
            title: '',
            width: 120,
            render: (_, r) => (
              <Button size="small" loading={busy === r.id} onClick={() => void reprint(r.id)}>
                {t(r.status === 'printed' ? 'receiving.printCopy' : 'receiving.printAgain')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
