import { Card, List, Typography } from 'antd';
import type { MethodOutput } from '../../../../src-shared/api';
import { memo } from 'react';
import { useI18n } from '../../lib/i18n';

export interface ScanEntry {
  at: Date;
  text: string;
  outcome: MethodOutput<'receiving.scan'> | null;
  error: string;
}

/** Every scan, newest first, with what it picked or why it picked nothing. */
export const ScanLog = memo(function ScanLog({ entries }: { entries: ScanEntry[] }) {
  const { t, locale } = useI18n();
  return (
    <Card
      size="small"
      title={t('receiving.scans', { count: entries.length })}
      style={{ marginTop: 12 }}
      data-testid="scan-log"
    >
      <List
        size="small"
        dataSource={entries.slice(0, 12)}
        locale={{ emptyText: t('receiving.scanHint') }}
        renderItem={(e) => {
          const o = e.outcome;
          const ok = o?.status === 'item';
          const what = o?.item
            ? `${o.item.code} ${locale === 'zh-CN' ? o.item.nameZh : o.item.nameEn}`
            : o?.status === 'unknown'
              ? t('receiving.scanUnknown', { code: o.reason ?? e.text })
              : o?.status === 'invalid'
                ? t('receiving.scanInvalid', { reason: o.reason ?? '' })
                : e.error;
          return (
            <List.Item data-testid="scan-entry" style={{ padding: '2px 0' }}>
              <Typography.Text type={ok ? undefined : 'danger'} style={{ fontSize: 12 }}>
                {e.at.toLocaleTimeString(locale)} · <code>{e.text.replace(/\u001d/g, '<GS>')}</code> → {what}
              </Typography.Text>
            </List.Item>
          );
        }}
      />
    </Card>
  );
});
