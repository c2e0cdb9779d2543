import { Button, Card, List, Space, Tag, Typography } from 'antd';
import type { MethodOutput } from '../../../../src-shared/api';
import { formatScaled } from '../../../../src-shared/quantity';
import { useI18n } from '../../lib/i18n';
import { faultText } from './fault-text';
import { useReprint } from './use-reprint';

type Line = MethodOutput<'receipts.get'>['lines'][number];
type LabelPrint = MethodOutput<'labels.history'>[number];

function qtyText(l: Line): string {
  return l.baseUnit === 'g'
    ? `${formatScaled(l.acceptedQty, 1_000_000, 3)} kg`
    : `${formatScaled(l.acceptedQty, 1000)} ${l.baseUnit}`;
}

/** Posted lines, newest first, each with its label: printed, or not printed and why, with "print again". */
export function PostedLines({ lines, labels }: { lines: Line[]; labels: LabelPrint[] }) {
  const { t, locale } = useI18n();
  const { busy, reprint } = useReprint();
  const latest = new Map<string, LabelPrint>();
  for (const p of labels) if (!latest.has(p.sourceId)) latest.set(p.sourceId, p); // history is newest first

  return (
    <Card size="small" title={t('receiving.postedLines', { count: lines.length })} data-testid="posted-lines">
      <List
        size="small"
        dataSource={[...lines].reverse()}
        renderItem={(l) => {
          const p = latest.get(l.id);
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
}
