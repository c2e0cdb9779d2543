import { App, Form } from 'antd';
import { useNavigate } from 'react-router';
import { ImportModal } from '../../components/ImportModal';
import { useI18n } from '../../lib/i18n';
import { useMutation } from '../../lib/query';
import { storeTodayValue } from '../../lib/store-day';
import { HeaderFields, type HeaderValues } from './HeaderFields';

/**
 * The invoice's header typed in, its lines from a CSV or XLSX file: check
 * (nothing written), then import; the imported invoice opens.
 */
export function InvoiceImportModal(props: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<HeaderValues>();
  const run = useMutation('invoices.import');

  return (
    <ImportModal
      open={props.open}
      onClose={props.onClose}
      title={t('invoices.import.title')}
      help={t('invoices.import.help')}
      pickLabel={t('invoices.import.pick')}
      testId="invoice-import"
      gridId="invoice-import-errors"
      form={form}
      send={async (file, dryRun) => {
        const v = await form.validateFields().catch(() => null);
        if (!v) return null;
        return run.mutate({
          supplierId: v.supplierId,
          number: v.number,
          invoiceDay: v.invoiceDay.format('YYYY-MM-DD'),
          poId: v.poId ?? null,
          receiptId: v.receiptId ?? null,
          fileName: file.name,
          base64: file.base64,
          dryRun,
        });
      }}
      okText={(r) => t('invoices.import.ok', { rows: r.rows })}
      onImported={(r) => {
        void message.success(t('invoices.import.done', { number: form.getFieldValue('number') }));
        if (r.invoiceId) navigate(`/invoices/${r.invoiceId}`);
      }}
    >
      <Form<HeaderValues>
        form={form}
        layout="vertical"
        initialValues={{ invoiceDay: storeTodayValue() }}
        data-testid="invoice-import-form"
      >
        <HeaderFields testPrefix="invoice-import" />
      </Form>
    </ImportModal>
  );
}
