import { Alert, Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { InvoiceDto, MatchLineDto } from '../../../../src-shared/api/methods/invoices';
import { qtyInUnit } from '../../../../src-shared/invoices';
import { sizeText } from '../../../../src-shared/pack-size';
import { useSession } from '../../app/session';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { nameOf } from '../../lib/pickers';
import { money } from '../../lib/money';
import { LINE_STATUS_COLOR } from './invoice-status';

const ROW_BACKGROUND: Record<MatchLineDto['status'], string> = {
  matched: '#f6ffed',
  warning: '#fffbe6',
  discrepancy: '#fff1f0',
};

/** The line's item in the reader's language, or the supplier's own text for an unknown item. */
export function lineLabel(
  l: { itemCode: string | null; nameZh: string; nameEn: string; description: string; supplierCode?: string },
  locale: 'zh-CN' | 'en',
) {
  if (!l.itemCode) return [l.supplierCode, l.description].filter(Boolean).join(' ');
  return `${l.itemCode} ${nameOf(l, locale)}`;
}

/** Ordered and received in the unit the line was billed in, so the columns compare at a glance. */
const q = (l: MatchLineDto, qty: number | null) =>
  qty === null ? '' : qtyInUnit(qty, l.unit, l.unitFactor, l.baseUnit);

/**
 * The three-way match: totals, each invoice line against its order line and
 * receipts with a green / amber / red status, then the discrepancies in
 * words and what came but was not billed.
 */
export function MatchCard({ inv }: { inv: InvoiceDto }) {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const m = inv.match;
  if (!m) {
    return (
      <Card size="small" title={t('invoices.match.title')} style={{ marginTop: 12 }} data-testid="invoice-match">
        <Typography.Text type="secondary">{t('invoices.match.none')}</Typography.Text>
      </Card>
    );
  }
  const issues = m.lines.filter((l) => l.kinds.length);
  return (
    <Card
      size="small"
      title={t('invoices.match.title')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {inv.matchedBy
            ? t('invoices.match.at', { at: formatStoreTime(m.matchedAt, session.store?.timezone), by: inv.matchedBy })
            : t('invoices.match.atSystem', { at: formatStoreTime(m.matchedAt, session.store?.timezone) })}
        </Typography.Text>
      }
      style={{ marginTop: 12 }}
      data-testid="invoice-match"
    >
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={8}>
          <Statistic title={t('invoices.totals.invoiced')} value={money(m.totals.invoiced)} />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('invoices.totals.matched')}
            value={money(m.totals.matched)}
            styles={{ content: { color: '#389e0d' } }}
          />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('invoices.totals.disputed')}
            value={money(m.totals.disputed)}
            styles={{ content: { color: m.totals.disputed ? '#cf1322' : undefined } }}
            data-testid="invoice-disputed"
          />
        </Col>
      </Row>
      <Table<MatchLineDto>
        size="small"
        rowKey="lineId"
        pagination={false}
        dataSource={m.lines}
        onRow={(l) =>
          ({ style: { background: ROW_BACKGROUND[l.status] }, 'data-testid': `match-line-${l.lineNo}` }) as object
        }
        scroll={{ x: 1000 }}
        columns={[
          { title: t('invoices.col.lineNo'), dataIndex: 'lineNo', width: 48 },
          {
            title: t('invoices.col.status'),
            width: 96,
            render: (_, l) => <Tag color={LINE_STATUS_COLOR[l.status]}>{t(`invoices.lineStatus.${l.status}`)}</Tag>,
          },
          { title: t('invoices.col.item'), render: (_, l) => lineLabel(l, locale) },
          {
            title: t('invoices.col.billed'),
            align: 'right',
            render: (_, l) => (
              <>
                {qtyInUnit(l.billed, l.unit, l.unitFactor, l.baseUnit)} × {money(l.billedPrice)}
                <br />
                {money(l.billedAmount)}
              </>
            ),
          },
          { title: t('invoices.col.ordered'), align: 'right', render: (_, l) => q(l, l.ordered) },
          {
            title: t('invoices.col.received'),
            align: 'right',
            render: (_, l) => (
              <>
                {q(l, l.received)}
                {l.rejected > 0 && (
                  <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                    {t('invoices.col.rejected')} {q(l, l.rejected)}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('invoices.col.agreedPrice'),
            align: 'right',
            render: (_, l) => (l.agreedPrice === null ? '' : `${money(l.agreedPrice)}/${l.unit}`),
          },
          {
            title: t('invoices.col.should'),
            align: 'right',
            render: (_, l) => (
              <>
                {qtyInUnit(l.shouldQty, l.unit, l.unitFactor, l.baseUnit)} × {money(l.shouldPrice)}
                <br />
                {money(l.shouldAmount)}
              </>
            ),
          },
          {
            title: t('invoices.col.claim'),
            align: 'right',
            render: (_, l) =>
              l.claimNet > 0 && (
                <Typography.Text type="danger" strong>
                  {money(l.claimNet + l.claimTax)}
                </Typography.Text>
              ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('invoices.discrepancies.title')}
      </Typography.Title>
      <div data-testid="invoice-discrepancies">
        {!issues.length && !m.header.kinds.length && (
          <Alert type="success" showIcon title={t('invoices.discrepancies.none')} />
        )}
        {issues.map((l) => (
          <Alert
            key={l.lineId}
            type={l.status === 'discrepancy' ? 'error' : 'warning'}
            showIcon
            style={{ marginBottom: 6 }}
            title={t('invoices.discrepancies.line', { line: l.lineNo, item: lineLabel(l, locale) })}
            description={l.kinds.map((k) => (
              <div key={k.kind + k.message}>{k.message}</div>
            ))}
          />
        ))}
        {m.header.kinds.length > 0 && (
          <Alert
            type={m.header.claimGross > 0 ? 'error' : 'warning'}
            showIcon
            style={{ marginBottom: 6 }}
            title={t('invoices.discrepancies.totals')}
            description={m.header.kinds.map((k) => (
              <div key={k.kind}>{k.message}</div>
            ))}
          />
        )}
      </div>
      {m.notBilled.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="invoice-not-billed">
          <Typography.Text strong>{t('invoices.notBilled.title')}</Typography.Text>
          {m.notBilled.map((n) => (
            <div key={n.itemId}>
              <Typography.Text type="secondary">
                {t('invoices.notBilled.row', {
                  item: `${n.itemCode} ${nameOf(n, locale)}`,
                  qty: sizeText(n.qty, n.baseUnit),
                  value: money(n.value),
                })}
              </Typography.Text>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
