import { DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { filterByLabel } from '../../lib/pickers';

/** The header an invoice starts with, in the new-invoice and import dialogs. */
export interface HeaderValues {
  supplierId: string;
  number: string;
  invoiceDay: Dayjs;
  poId?: string | null;
  receiptId?: string | null;
}

/** Orders an invoice can bill (the API refuses drafts and cancelled ones). */
const BILLABLE = ['approved', 'partial', 'received', 'closed'] as const;

/**
 * Supplier, the supplier's invoice number and date, the order it bills (the
 * match needs it) and, optionally, the one delivery. Must sit inside the
 * dialog's <Form>.
 */
export function HeaderFields(props: { testPrefix: string }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<HeaderValues>();
  const supplierId = Form.useWatch('supplierId', form);
  const poId = Form.useWatch('poId', form);
  const suppliers = useQuery('suppliers.list', {});
  const pos = useQuery('po.list', { status: [...BILLABLE], supplierId: supplierId ?? null }, { enabled: !!supplierId });
  const receipts = useQuery('receipts.list', { poId: poId ?? null }, { enabled: !!poId });
  const required = [{ required: true, message: t('validation.required') }];
  const p = props.testPrefix;
  return (
    <>
      <Form.Item name="supplierId" label={t('invoices.f.supplier')} rules={required}>
        <Select
          showSearch={{ filterOption: filterByLabel }}
          data-testid={`${p}-supplier`}
          onChange={() => form.setFieldsValue({ poId: null, receiptId: null })}
          options={(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
        />
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item name="number" label={t('invoices.f.number')} rules={required} style={{ width: 220 }}>
          <Input maxLength={40} data-testid={`${p}-number`} />
        </Form.Item>
        <Form.Item name="invoiceDay" label={t('invoices.f.invoiceDay')} rules={required}>
          <DatePicker allowClear={false} data-testid={`${p}-day`} />
        </Form.Item>
      </Space>
      <Form.Item name="poId" label={t('invoices.f.poPick')} rules={required}>
        <Select
          allowClear
          showSearch={{ filterOption: filterByLabel }}
          disabled={!supplierId}
          data-testid={`${p}-po`}
          onChange={() => form.setFieldValue('receiptId', null)}
          options={(pos.data ?? []).map((o) => ({
            value: o.id,
            label: `${o.number} · ${o.orderDay} · ${t(`po.status.${o.status}`)}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="receiptId" label={t('invoices.f.receipt')}>
        <Select
          allowClear
          disabled={!poId}
          data-testid={`${p}-receipt`}
          options={(receipts.data ?? [])
            .filter((r) => r.status !== 'cancelled' && r.postedLines > 0)
            .map((r) => ({ value: r.id, label: `${r.number} · ${r.day}` }))}
        />
      </Form.Item>
    </>
  );
}
