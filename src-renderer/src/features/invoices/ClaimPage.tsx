import { CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { ClaimLineDto } from '../../../../src-shared/api/methods/invoices';
import { qtyInUnit, rateText } from '../../../../src-shared/invoices';
import { useSession } from '../../app/session';
import { DocumentHeader } from '../../components/DocumentHeader';
import { call } from '../../lib/api';
import { showApiError } from '../../lib/form-errors';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useBusyAction } from '../../lib/use-busy-action';
import { useQuery } from '../../lib/query';
import { amount, money, moneySymbol } from '../../lib/money';
import { ClaimPrint } from './ClaimPrint';
import { CLAIM_STATUS_COLOR, MANAGERS } from './invoice-status';
import { lineLabel } from './MatchCard';

/** A claim for an invoice's discrepancies: what was billed, what should have been, the difference and why. */
export function ClaimPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { session, can } = useSession();
  const q = useQuery('claims.get', { id });
  const claim = q.data;
  const { busy, run } = useBusyAction((err) => showApiError(err, message));
  const tz = session.store?.timezone;

  if (!claim) return q.error ? <Alert type="error" showIcon title={q.error.message} /> : null;
  const setStatus = (status: 'sent' | 'settled') =>
    run(status, async () => {
      await call('claims.setStatus', { id, status });
      return t(status === 'sent' ? 'invoices.claim.sentMsg' : 'invoices.claim.settledMsg', { number: claim.number });
    });
  const qp = (l: ClaimLineDto, qty: number, price: number) =>
    l.invoiceLineNo === null ? '' : `${qtyInUnit(qty, l.unit, l.unitFactor, l.baseUnit)} × ${money(price)}`;
  const manager = can(MANAGERS);

  return (
    <div>
      <DocumentHeader
        back={{ to: `/invoices/${claim.invoiceId}`, label: t('invoices.claim.back', { number: claim.invoiceNumber }) }}
        number={claim.number}
        status={{ text: t(`invoices.claim.status.${claim.status}`), color: CLAIM_STATUS_COLOR[claim.status] }}
        testId="claim"
        file={(format) => call('claims.export', { id, format })}
        actions={
          <>
            {manager && claim.status === 'open' && (
              <Button
                icon={<SendOutlined />}
                loading={busy === 'sent'}
                onClick={() => void setStatus('sent')}
                data-testid="claim-sent"
              >
                {t('invoices.claim.markSent')}
              </Button>
            )}
            {manager && claim.status !== 'settled' && (
              <Button
                icon={<CheckCircleOutlined />}
                loading={busy === 'settled'}
                onClick={() => void setStatus('settled')}
                data-testid="claim-settled"
              >
                {t('invoices.claim.markSettled')}
              </Button>
            )}
          </>
        }
        details={[
          { label: t('invoices.f.supplier'), value: `${claim.supplierCode} ${claim.supplierName}` },
          {
            label: t('invoices.f.number'),
            value: (
              <>
                <Link to={`/invoices/${claim.invoiceId}`}>{claim.invoiceNumber}</Link> · {claim.invoiceDay} ·{' '}
                {t(`invoices.status.${claim.invoiceStatus}`)}
              </>
            ),
          },
          {
            label: t('invoices.claim.f.amount'),
            value: (
              <>
                <b data-testid="claim-amount-total">{money(claim.amount)}</b> / {money(claim.invoiceGross)}
              </>
            ),
          },
          { label: t('invoices.f.po'), value: [claim.poNumber, claim.receiptNumber].filter(Boolean).join(' / ') },
          {
            label: t('invoices.claim.f.createdBy'),
            value: `${claim.createdBy ?? ''} ${formatStoreTime(claim.createdAt, tz)}`,
          },
          {
            label: t('invoices.claim.f.sent'),
            value: (
              <>
                {claim.sentAt && `${claim.sentBy ?? ''} ${formatStoreTime(claim.sentAt, tz)}`}
                {claim.settledAt &&
                  ` · ${t('invoices.claim.f.settled')} ${claim.settledBy ?? ''} ${formatStoreTime(claim.settledAt, tz)}`}
              </>
            ),
          },
        ]}
      />
      {claim.note && <Alert type="info" title={claim.note} style={{ marginBottom: 8 }} />}

      <Table<ClaimLineDto>
        size="small"
        rowKey="lineNo"
        pagination={false}
        dataSource={claim.lines}
        data-testid="claim-lines"
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={8} align="right">
              <b>{t('invoices.claim.doc.total', { currency: moneySymbol() })}</b>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <b>{amount(claim.amount)}</b>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
        columns={[
          { title: t('po.col.lineNo'), dataIndex: 'lineNo', width: 48 },
          {
            title: t('invoices.claim.col.item'),
            render: (_, l) => (
              <>
                {l.invoiceLineNo === null ? t('invoices.claim.totalsLine') : lineLabel(l, locale)}
                {l.reasons.map((r) => (
                  <Typography.Text key={r} type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {r}
                  </Typography.Text>
                ))}
              </>
            ),
          },
          {
            title: t('invoices.claim.col.billed'),
            align: 'right',
            render: (_, l) => qp(l, l.billedQty, l.billedPrice),
          },
          {
            title: t('invoices.claim.col.billedAmount'),
            align: 'right',
            render: (_, l) => amount(l.billedAmount),
          },
          {
            title: t('invoices.claim.col.should'),
            align: 'right',
            render: (_, l) => qp(l, l.shouldQty, l.shouldPrice),
          },
          {
            title: t('invoices.claim.col.shouldAmount'),
            align: 'right',
            render: (_, l) => amount(l.shouldAmount),
          },
          { title: t('invoices.claim.col.diffNet'), align: 'right', render: (_, l) => amount(l.diffNet) },
          {
            title: t('invoices.claim.col.tax'),
            align: 'right',
            render: (_, l) => (l.invoiceLineNo === null ? '' : `${amount(l.diffTax)} (${rateText(l.taxRate)})`),
          },
          {
            title: t('invoices.claim.col.diffGross'),
            align: 'right',
            render: (_, l) => <b>{amount(l.diffGross)}</b>,
          },
        ]}
      />
      <ClaimPrint claim={claim} />
    </div>
  );
}
