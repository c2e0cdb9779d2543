import { Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { FormModal } from '../../components/FormModal';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { HeaderFields, type HeaderValues } from './HeaderFields';
import { storeTodayValue } from '../../lib/store-day';

/**
 * Starts an invoice: the header, and its lines taken from the order (as
 * ordered) or from one receipt (as accepted). The invoice page opens next,
 * where the lines are corrected to what the paper says.
 */
export function NewInvoiceModal(props: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const initial = useMemo(() => ({ invoiceDay: storeTodayValue() }), []);
  return (
    <FormModal<HeaderValues>
      open={props.open}
      title={t('invoices.newTitle')}
      okText={t('invoices.new')}
      initialValues={initial}
      onSubmit={async (v) => {
        const pre = await call('invoices.prefill', v.receiptId ? { receiptId: v.receiptId } : { poId: v.poId! });
        const inv = await call('invoices.create', {
          supplierId: v.supplierId,
          number: v.number,
          invoiceDay: v.invoiceDay.format('YYYY-MM-DD'),
          poId: pre.poId,
          receiptId: pre.receiptId,
          lines: pre.lines.map((l) => ({
            itemId: l.itemId,
            supplierCode: l.supplierCode,
            description: l.description,
            qty: l.qty,
            unit: l.unit,
            unitPrice: l.unitPrice,
            lineTotal: l.lineTotal,
            taxRate: l.taxRate,
          })),
        });
        navigate(`/invoices/${inv.id}`);
      }}
      onClose={props.onClose}
      testId="invoice-new-form"
      okTestId="invoice-new-ok"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('invoices.newHint')}
      </Typography.Paragraph>
      <HeaderFields testPrefix="invoice-new" />
    </FormModal>
  );
}
