import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { memo, useMemo } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { formatScaled } from '../../../../src-shared/quantity';
import { useI18n } from '../../lib/i18n';
import { faultText } from '../../lib/fault-text';
import { useReprint } from '../../lib/use-reprint';

type Line = MethodOutput<'receipts.get'>['lines'][number];

function qtyText(l: Line): string {
  return l.baseUnit === 'g'
    ? `${formatScaled(l.acceptedQty, 1_000_000, 3)} kg`
    : `${formatScaled(l.acceptedQty, 1000)} ${l.baseUnit}`;
}

const PAGE = 20;

/**
 * Posted lines, newest first, each with its label: printed, or not printed and
 * why, with "print again". Paged, and memoised against the weight readings that
 * re-render the desk ten times a second: a 200-line delivery must not slow the
 * clerk down line by line.
 */
export const PostedLines = memo(function PostedLines({ lines }: { lines: Line[] }) {
  const { t, locale } = useI18n();
  const { busy, reprint } = useReprint();
  const newestFirst = useMemo(() => lines.filter((l) => l.status === 'posted').reverse(), [lines]);

  return (
    <Card size="small" title={t('receiving.postedLines', { count: newestFirst.length })} data-testid="posted-lines">
      <List
        size="small"
        dataSource={newestFirst}
        rowKey="id"
        pagination={newestFirst.length > PAGE ? { pageSize: PAGE, size: 'small', showSizeChanger: false } : false}
        renderItem={(l) => {
          const p = l.labelJob;
          return (
            <List.Item data-testid={`posted-${l.lineNo}`}>
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <Typography.Text strong>
                  {l.lineNo}. {locale === 'zh-CN' ? l.nameZh : l.nameEn} · {qtyText(l)}
                </Typography.Text>
                {l.rejectedQty > 0 && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {t('receiving.rejectedShort', {
                      qty: formatScaled(l.rejectedQty, l.baseUnit === 'g' ? 1_000_000 : 1000),
                    })}
                  </Typography.Text>
                )}
                <Space size={4} wrap>
                  {l.lot && <Tag>{l.lot}</Tag>}
                  {p ? (
                    <Tag
                      color={p.status === 'printed' ? 'green' : p.status === 'failed' ? 'red' : 'orange'}
                      data-testid={`label-state-${l.lineNo}`}
                    >
                      {p.status === 'failed'
                        ? t('receiving.labelFailed', { error: faultText(t, p.error) })
                        : t(`receiving.label.${p.status}`)}
                    </Tag>
                  ) : (
                    <Tag>{t('receiving.label.none')}</Tag>
                  )}
                  {p && (
                    <Button
                      size="small"
                      loading={busy === p.id}
                      onClick={() => void reprint(p.id)}
                      data-testid={`reprint-${l.lineNo}`}
                    >
                      {t(p.status === 'printed' ? 'receiving.printCopy' : 'receiving.printAgain')}
                    </Button>
                  )}
                </Space>
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
});
