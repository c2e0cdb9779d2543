import { AuditOutlined, CheckOutlined, DeleteOutlined, ExceptionOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { InvoiceDto, InvoiceLineDto } from '../../../../src-shared/api/methods/invoices';
import { qtyInUnit, rateText } from '../../../../src-shared/invoices';
import { useSession } from '../../app/session';
import { DocumentHeader } from '../../components/DocumentHeader';
import { call } from '../../lib/api';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useBusyAction } from '../../lib/use-busy-action';
import { useQuery } from '../../lib/query';
import { showLinesError } from '../../lib/lines-error';
import { usePickers } from '../../lib/pickers';
import { PRICE_PATTERN, parseYuan, yuanText } from '../../lib/money-entry';
import { money, moneySymbol } from '../../lib/money';
import { ClaimModal } from './ClaimModal';
import { InvoiceLinesEditor } from './InvoiceLinesEditor';
import { CLAIM_STATUS_COLOR, CLERKS, INVOICE_STATUS_COLOR, MANAGERS } from './invoice-status';
import { linesTotals, type LineValues } from './invoice-money';
import { MatchCard, lineLabel } from './MatchCard';

interface EditValues {
  number: string;
  invoiceDay: Dayjs;
  dueDay: Dayjs | null;
  note?: string;
  /** Printed totals in yuan; empty = what the lines add up to. */
  net?: string;
  tax?: string;
  gross?: string;
  lines: LineValues[];
}

function toForm(inv: InvoiceDto): EditValues {
  const lines: LineValues[] = inv.lines.map((l) => ({
    itemId: l.itemId,
    supplierCode: l.supplierCode,
    description: l.description,
    qty: l.entryQty,
    unit: l.unit,
    unitPrice: yuanText(l.unitPrice),
    lineTotal: yuanText(l.lineTotal),
    taxRate: l.taxRate,
  }));
  // Totals that are just the lines' sums stay empty, so they follow the lines while those are corrected.
  const sums = linesTotals(lines);
  const own = inv.net !== sums.net || inv.tax !== sums.tax || inv.gross !== sums.gross;
  return {
    number: inv.number,
    invoiceDay: dayjs(inv.invoiceDay),
    dueDay: inv.dueDay ? dayjs(inv.dueDay) : null,
    note: inv.note,
    net: own ? yuanText(inv.net) : '',
    tax: own ? yuanText(inv.tax) : '',
    gross: own ? yuanText(inv.gross) : '',
    lines,
  };
}

const amountOrNull = (text: string | undefined) => (text?.trim() ? (parseYuan(text) ?? -1) : null);

/**
 * One supplier invoice: its header and lines (editable while a draft or
 * matched), the three-way match with each line's status and the
 * discrepancies, then the claim and the approval for payment.
 */
export function InvoicePage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const { session, can } = useSession();
  const navigate = useNavigate();
  const q = useQuery('invoices.get', { id });
  const inv = q.data;
  const editable = !!inv && (inv.status === 'draft' || inv.status === 'matched') && can(CLERKS);
  const manager = can(MANAGERS);
  const [form] = Form.useForm<EditValues>();
  const { busy, run } = useBusyAction((err) => showLinesError(err, message, form));
  const [claiming, setClaiming] = useState(false);
  /** Typed into since the last load or save (antd's touched flag cannot be cleared without emptying the form). */
  const [dirty, setDirty] = useState(false);
  const pickers = usePickers();
  const catalogue = useQuery('suppliers.catalogue', { supplierId: inv?.supplierId ?? null }, { enabled: editable });
  const watched = Form.useWatch('lines', form);
  const sums = useMemo(() => linesTotals(watched ?? []), [watched]);

  // A refetch (after save, match, or another user's change) resets the form to what is stored.
  useEffect(() => {
    if (inv && (inv.status === 'draft' || inv.status === 'matched')) form.setFieldsValue(toForm(inv));
  }, [inv, form]);

  /** Saves the form when it was touched; false when the form itself is incomplete. */
  const save = async (always: boolean): Promise<boolean> => {
    if (!inv || !editable) return true;
    if (!always && !dirty) return true;
    let v: EditValues;
    try {
      v = await form.validateFields();
    } catch {
      return false;
    }
    await call('invoices.update', {
      id,
      supplierId: inv.supplierId,
      poId: inv.poId,
      receiptId: inv.receiptId,
      number: v.number,
      invoiceDay: v.invoiceDay.format('YYYY-MM-DD'),
      dueDay: v.dueDay ? v.dueDay.format('YYYY-MM-DD') : null,
      note: v.note ?? '',
      net: amountOrNull(v.net),
      tax: amountOrNull(v.tax),
      gross: amountOrNull(v.gross),
      lines: (v.lines ?? []).map((l) => ({
        itemId: l.itemId ?? null,
        supplierCode: l.supplierCode ?? '',
        description: l.description ?? '',
        qty: l.qty ?? '',
        unit: l.unit ?? '',
        unitPrice: parseYuan(l.unitPrice) ?? -1,
        lineTotal: amountOrNull(l.lineTotal),
        taxRate: l.taxRate ?? 0,
      })),
    });
    setDirty(false);
    return true;
  };

  if (!inv) return q.error ? <Alert type="error" showIcon title={q.error.message} /> : null;
  const claimable = inv.status === 'draft' && !!inv.match && inv.match.discrepancies > 0;
  const toPay = inv.gross - (inv.claimAmount ?? 0);
  const tz = session.store?.timezone;
  const approve = () =>
    modal.confirm({
      title: t('invoices.approve'),
      content: t('invoices.approveConfirm', { number: inv.number, amount: money(toPay) }),
      okText: t('invoices.approve'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'invoice-approve-ok' } as Record<string, string>,
      onOk: () =>
        run('approve', async () => {
          const done = await call('invoices.approve', { id });
          return t('invoices.approvedMsg', { number: inv.number, amount: money(done.approvedAmount ?? 0) });
        }),
    });
  const remove = () =>
    modal.confirm({
      title: t('invoices.remove'),
      content: t('invoices.removeConfirm', { number: inv.number }),
      okText: t('invoices.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        run('remove', async () => {
          await call('invoices.remove', { id });
          navigate('/invoices');
          return t('invoices.removed', { number: inv.number });
        }),
    });

  return (
    <div>
      <DocumentHeader
        back={{ to: '/invoices', label: t('invoices.back') }}
        number={inv.number}
        status={{ text: t(`invoices.status.${inv.status}`), color: INVOICE_STATUS_COLOR[inv.status] }}
        testId="invoice"
        actions={
          <>
            {editable && (
              <Button
                icon={<SaveOutlined />}
                loading={busy === 'save'}
                onClick={() =>
                  void run('save', async () =>
                    (await save(true)) ? t('invoices.saved', { number: inv.number }) : undefined,
                  )
                }
                data-testid="invoice-save"
              >
                {t('invoices.save')}
              </Button>
            )}
            {manager && (inv.status === 'draft' || inv.status === 'matched') && (
              <Button
                type="primary"
                icon={<AuditOutlined />}
                loading={busy === 'match'}
                onClick={() =>
                  void run('match', async () => {
                    if (!(await save(false))) return;
                    const out = await call('invoices.match', { id });
                    if (out.status === 'matched') return t('invoices.matchedClean', { number: inv.number });
                    void message.warning(t('invoices.matchedIssues', { count: out.match?.discrepancies ?? 0 }));
                  })
                }
                data-testid="invoice-match-button"
              >
                {t('invoices.match')}
              </Button>
            )}
            {manager && claimable && (
              <Button danger icon={<ExceptionOutlined />} onClick={() => setClaiming(true)} data-testid="invoice-claim">
                {t('invoices.createClaim')}
              </Button>
            )}
            {manager && (inv.status === 'matched' || inv.status === 'disputed') && (
              <Button
                icon={<CheckOutlined />}
                loading={busy === 'approve'}
                onClick={approve}
                data-testid="invoice-approve"
              >
                {t('invoices.approve')}
              </Button>
            )}
            {manager && inv.status === 'draft' && (
              <Button danger icon={<DeleteOutlined />} onClick={remove} data-testid="invoice-remove">
                {t('invoices.remove')}
              </Button>
            )}
          </>
        }
        details={[
          { label: t('invoices.f.supplier'), value: `${inv.supplierCode} ${inv.supplierName}` },
          {
            label: t('invoices.f.po'),
            value: (
              <>
                {inv.poId && <Link to={`/purchase-orders/${inv.poId}`}>{inv.poNumber}</Link>}
                {inv.receiptNumber && ` / ${inv.receiptNumber}`}
              </>
            ),
          },
          {
            label: t('invoices.f.gross'),
            value: (
              <>
                <b data-testid="invoice-gross">{money(inv.gross)}</b> ({t('invoices.f.net')} {money(inv.net)} ·{' '}
                {t('invoices.f.tax')} {money(inv.tax)})
              </>
            ),
          },
          { label: t('invoices.f.invoiceDay'), value: inv.invoiceDay },
          { label: t('invoices.f.dueDay'), value: inv.dueDay },
          {
            label: t('invoices.f.claim'),
            value: inv.claimId && (
              <Space size={4}>
                <Link to={`/invoice-claims/${inv.claimId}`} data-testid="invoice-claim-link">
                  {inv.claimNumber}
                </Link>
                <Tag color={CLAIM_STATUS_COLOR[inv.claimStatus!]}>{t(`invoices.claim.status.${inv.claimStatus!}`)}</Tag>
                {money(inv.claimAmount ?? 0)}
              </Space>
            ),
          },
          {
            label: t('invoices.f.createdBy'),
            value: `${inv.createdBy ?? ''} ${formatStoreTime(inv.createdAt, tz)} · ${t(`invoices.source.${inv.source}`)}`,
          },
          {
            label: t('invoices.f.approved'),
            value: inv.approvedAt && `${inv.approvedBy ?? ''} ${formatStoreTime(inv.approvedAt, tz)}`,
          },
          {
            label: t('invoices.f.approvedAmount'),
            value: inv.approvedAmount !== null && (
              <b data-testid="invoice-approved-amount">{money(inv.approvedAmount)}</b>
            ),
          },
        ]}
      />

      {editable ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form<EditValues>
            form={form}
            layout="vertical"
            size="small"
            onValuesChange={() => setDirty(true)}
            data-testid="invoice-form"
          >
            <Space wrap align="start">
              <Form.Item
                name="number"
                label={t('invoices.f.number')}
                rules={[{ required: true }]}
                style={{ width: 180 }}
              >
                <Input maxLength={40} />
              </Form.Item>
              <Form.Item name="invoiceDay" label={t('invoices.f.invoiceDay')} rules={[{ required: true }]}>
                <DatePicker allowClear={false} />
              </Form.Item>
              <Form.Item name="dueDay" label={t('invoices.f.dueDay')}>
                <DatePicker allowClear />
              </Form.Item>
              <Form.Item name="note" label={t('invoices.f.note')} style={{ width: 320 }}>
                <Input maxLength={500} />
              </Form.Item>
            </Space>
            {pickers.data && <InvoiceLinesEditor pickers={pickers.data} catalogue={catalogue.data ?? []} />}
            <div style={{ display: 'flex', gap: 12, alignItems: 'flex-end', flexWrap: 'wrap' }}>
              {(['net', 'tax', 'gross'] as const).map((k) => (
                <Form.Item
                  key={k}
                  name={k}
                  label={t(`invoices.f.${k}`)}
                  rules={[{ pattern: PRICE_PATTERN, message: t('invoices.v.amountFormat') }]}
                  style={{ width: 150, marginBottom: 8 }}
                >
                  <Input
                    prefix={moneySymbol()}
                    placeholder={yuanText(sums[k])}
                    inputMode="decimal"
                    data-testid={`invoice-${k}`}
                  />
                </Form.Item>
              ))}
              <div style={{ paddingBottom: 8 }}>
                <Typography.Text strong data-testid="invoice-lines-total">
                  {t('invoices.linesTotal', {
                    net: money(sums.net),
                    tax: money(sums.tax),
                    gross: money(sums.gross),
                  })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('invoices.totalsHint')}
                </Typography.Text>
              </div>
            </div>
          </Form>
        </Card>
      ) : (
        <LinesTable lines={inv.lines} locale={locale} />
      )}

      <MatchCard inv={inv} />
      {inv.match && <ClaimModal inv={inv} open={claiming} onClose={() => setClaiming(false)} />}
    </div>
  );
}

/** The lines as entered, read-only (a disputed or approved invoice is a record). */
function LinesTable({ lines, locale }: { lines: InvoiceLineDto[]; locale: 'zh-CN' | 'en' }) {
  const { t } = useI18n();
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="invoice-lines">
      <Table<InvoiceLineDto>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={lines}
        columns={[
          { title: t('invoices.col.lineNo'), dataIndex: 'lineNo', width: 48 },
          { title: t('invoices.col.item'), render: (_, l) => lineLabel(l, locale) },
          { title: t('invoices.col.supplierCode'), dataIndex: 'supplierCode' },
          {
            title: t('invoices.col.qty'),
            align: 'right',
            render: (_, l) => qtyInUnit(l.qty, l.unit, l.unitFactor, l.baseUnit),
          },
          { title: t('invoices.col.unitPrice'), align: 'right', render: (_, l) => money(l.unitPrice) },
          { title: t('invoices.col.lineTotal'), align: 'right', render: (_, l) => money(l.lineTotal) },
          { title: t('invoices.col.taxRate'), align: 'right', render: (_, l) => rateText(l.taxRate) },
        ]}
      />
    </Card>
  );
}
