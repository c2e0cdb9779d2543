import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  PrinterOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ClaimLineDto } from '../../../../src-shared/api/methods/invoices';
import { qtyInUnit, rateText } from '../../../../src-shared/invoices';
import { useSession } from '../../app/session';
import { call } from '../../lib/api';
import { downloadBase64 } from '../../lib/download';
import { showApiError } from '../../lib/form-errors';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
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
  const navigate = useNavigate();
  const q = useQuery('claims.get', { id });
  const claim = q.data;
  const [busy, setBusy] = useState<string | null>(null);
  const tz = session.store?.timezone;

  const run = async (key: string, action: () => Promise<string | void>) => {
    setBusy(key);
    try {
      const done = await action();
      if (done) void message.success(done);
    } catch (err) {
      showApiError(err, message);
    } finally {
      setBusy(null);
    }
  };

  if (!claim) return q.error ? <Alert type="error" showIcon title={q.error.message} /> : null;
  const exportAs = (format: 'xlsx' | 'pdf') =>
    run(format, async () => {
      const f = await call('claims.export', { id, format });
      downloadBase64(f.fileName, f.base64, f.mime);
    });
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
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/invoices/${claim.invoiceId}`)}>
            {t('invoices.claim.back', { number: claim.invoiceNumber })}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="claim-number">
            {claim.number}
          </Typography.Title>
          <Tag color={CLAIM_STATUS_COLOR[claim.status]} data-testid="claim-status">
            {t(`invoices.claim.status.${claim.status}`)}
          </Tag>
        </Space>
        <Space wrap>
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
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="claim-print-button">
            {t('invoices.claim.print')}
          </Button>
          <Button
            icon={<FileExcelOutlined />}
            loading={busy === 'xlsx'}
            onClick={() => void exportAs('xlsx')}
            data-testid="claim-xlsx"
          >
            {t('invoices.claim.exportXlsx')}
          </Button>
          <Button
            icon={<FilePdfOutlined />}
            loading={busy === 'pdf'}
            onClick={() => void exportAs('pdf')}
            data-testid="claim-pdf"
          >
            {t('invoices.claim.exportPdf')}
          </Button>
        </Space>
      </Space>

      <Descriptions size="small" bordered column={3} style={{ marginBottom: 8 }} data-testid="claim-details">
        <Descriptions.Item label={t('invoices.f.supplier')}>
          {claim.supplierCode} {claim.supplierName}
        </Descriptions.Item>
        <Descriptions.Item label={t('invoices.f.number')}>
          <Link to={`/invoices/${claim.invoiceId}`}>{claim.invoiceNumber}</Link> · {claim.invoiceDay} ·{' '}
          {t(`invoices.status.${claim.invoiceStatus}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('invoices.claim.f.amount')}>
          <b data-testid="claim-amount-total">{money(claim.amount)}</b> / {money(claim.invoiceGross)}
        </Descriptions.Item>
        <Descriptions.Item label={t('invoices.f.po')}>
          {[claim.poNumber, claim.receiptNumber].filter(Boolean).join(' / ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('invoices.claim.f.createdBy')}>
          {claim.createdBy ?? ''} {formatStoreTime(claim.createdAt, tz)}
        </Descriptions.Item>
        <Descriptions.Item label={t('invoices.claim.f.sent')}>
          {claim.sentAt && `${claim.sentBy ?? ''} ${formatStoreTime(claim.sentAt, tz)}`}
          {claim.settledAt &&
            ` · ${t('invoices.claim.f.settled')} ${claim.settledBy ?? ''} ${formatStoreTime(claim.settledAt, tz)}`}
        </Descriptions.Item>
      </Descriptions>
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
