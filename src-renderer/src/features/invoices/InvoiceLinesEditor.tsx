import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, Input, Select, Typography } from 'antd';
import type { CatalogueRow } from '../../../../src-shared/api/methods/procurement';
import { rateText } from '../../../../src-shared/invoices';
import { useI18n } from '../../lib/i18n';
import { filterByLabel, nameOf, type Pickers } from '../../lib/pickers';
import { PRICE_PATTERN, parseYuan, yuanText } from '../../lib/money-entry';
import { money, moneySymbol } from '../../lib/money';
import { computedAmount, type LineValues } from './invoice-money';
import { TAX_RATES } from './invoice-status';

/** Column widths, shared by the header row and the lines. */
const W = { no: 22, item: 250, code: 100, desc: 130, qty: 76, unit: 72, price: 104, total: 112, rate: 80 };

/**
 * One invoice line as printed: the item (the supplier's catalogue first;
 * empty for something the store does not stock), the supplier's code and
 * text, quantity and unit, net unit price, amount (computed unless typed)
 * and tax rate.
 */
function Line(props: { name: number; pickers: Pickers; catalogue: CatalogueRow[]; onRemove(): void }) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const { name, catalogue, pickers } = props;
  const line = Form.useWatch(['lines', name], form) as LineValues | undefined;
  const item = pickers.items.find((i) => i.id === line?.itemId);
  const offer = catalogue.find((c) => c.itemId === line?.itemId && c.active);
  const inCatalogue = new Set(catalogue.map((c) => c.itemId));
  const options = [
    ...catalogue
      .filter((c) => c.active && c.itemActive)
      .map((c) => ({ value: c.itemId, label: `${c.itemCode} ${nameOf(c, locale)} · ${c.packUnit}` })),
    ...pickers.items
      .filter((i) => !inCatalogue.has(i.id))
      .map((i) => ({ value: i.id, label: `${i.code} ${nameOf(i, locale)}` })),
  ];
  const units = [...new Set([...(offer ? [offer.packUnit] : []), ...(item?.units.map((u) => u.unit) ?? [])])];
  const computed = computedAmount(line);
  // A typed amount that is not qty x price gets the product beside it, so the difference shows while typing.
  const typed = parseYuan(line?.lineTotal);
  const id = (field: string) => `invoice-line-${name}-${field}`;
  const price = [{ pattern: PRICE_PATTERN, message: t('invoices.v.amountFormat') }];
  return (
    <div
      style={{ display: 'flex', gap: 6, alignItems: 'flex-start', flexWrap: 'wrap' }}
      data-testid={`invoice-line-${name}`}
    >
      <Typography.Text type="secondary" style={{ width: W.no, paddingTop: 5, textAlign: 'right' }}>
        {name + 1}
      </Typography.Text>
      <Form.Item name={[name, 'itemId']} style={{ width: W.item, marginBottom: 8 }}>
        <Select
          allowClear
          showSearch={{ filterOption: filterByLabel }}
          placeholder={t('invoices.pickItem')}
          options={options}
          data-testid={id('item')}
          onChange={(itemId: string | undefined) => {
            const o = catalogue.find((c) => c.itemId === itemId && c.active);
            if (o) {
              form.setFieldValue(['lines', name, 'supplierCode'], o.supplierCode);
              form.setFieldValue(['lines', name, 'unit'], o.packUnit);
              form.setFieldValue(['lines', name, 'unitPrice'], yuanText(o.price));
            }
          }}
        />
      </Form.Item>
      <Form.Item name={[name, 'supplierCode']} style={{ width: W.code, marginBottom: 8 }}>
        <Input placeholder={t('invoices.col.supplierCode')} maxLength={40} data-testid={id('code')} />
      </Form.Item>
      <Form.Item name={[name, 'description']} style={{ width: W.desc, marginBottom: 8 }}>
        <Input placeholder={t('invoices.col.description')} maxLength={120} data-testid={id('description')} />
      </Form.Item>
      <Form.Item
        name={[name, 'qty']}
        rules={[{ required: true, message: t('validation.required') }]}
        style={{ width: W.qty, marginBottom: 8 }}
      >
        <Input placeholder={t('invoices.col.qty')} inputMode="decimal" data-testid={id('qty')} />
      </Form.Item>
      <Form.Item
        name={[name, 'unit']}
        rules={[{ required: true, message: t('validation.required') }]}
        style={{ width: W.unit, marginBottom: 8 }}
      >
        <AutoComplete
          placeholder={t('invoices.col.unit')}
          options={units.map((u) => ({ value: u }))}
          data-testid={id('unit')}
        />
      </Form.Item>
      <Form.Item
        name={[name, 'unitPrice']}
        rules={[{ required: true, message: t('validation.required') }, ...price]}
        style={{ width: W.price, marginBottom: 8 }}
      >
        <Input
          prefix={moneySymbol()}
          placeholder={t('invoices.col.unitPrice')}
          inputMode="decimal"
          data-testid={id('price')}
        />
      </Form.Item>
      <Form.Item name={[name, 'lineTotal']} rules={price} style={{ width: W.total, marginBottom: 8 }}>
        <Input
          prefix={moneySymbol()}
          placeholder={computed === null ? t('invoices.col.lineTotal') : yuanText(computed)}
          inputMode="decimal"
          data-testid={id('total')}
        />
      </Form.Item>
      <Form.Item name={[name, 'taxRate']} style={{ width: W.rate, marginBottom: 8 }}>
        <Select options={TAX_RATES.map((r) => ({ value: r, label: rateText(r) }))} data-testid={id('rate')} />
      </Form.Item>
      <Button icon={<DeleteOutlined />} onClick={props.onRemove} aria-label={t('invoices.removeLine')} />
      {computed !== null && typed !== null && typed !== computed && (
        <Typography.Text type="secondary" style={{ fontSize: 12, paddingTop: 6 }}>
          = {money(computed)}
        </Typography.Text>
      )}
    </div>
  );
}

/** The lines of an invoice being entered; must sit inside its <Form>. */
export function InvoiceLinesEditor(props: { pickers: Pickers; catalogue: CatalogueRow[] }) {
  const { t } = useI18n();
  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <>
          <div style={{ display: 'flex', gap: 6, marginBottom: 4 }}>
            {(
              [
                ['no', ''],
                ['item', t('invoices.col.item')],
                ['code', t('invoices.col.supplierCode')],
                ['desc', t('invoices.col.description')],
                ['qty', t('invoices.col.qty')],
                ['unit', t('invoices.col.unit')],
                ['price', t('invoices.col.unitPrice')],
                ['total', t('invoices.col.lineTotal')],
                ['rate', t('invoices.col.taxRate')],
              ] as const
            ).map(([k, label]) => (
              <Typography.Text key={k} type="secondary" style={{ width: W[k], fontSize: 12 }}>
                {label}
              </Typography.Text>
            ))}
          </div>
          {fields.map((f) => (
            <Line
              key={f.key}
              name={f.name}
              pickers={props.pickers}
              catalogue={props.catalogue}
              onRemove={() => remove(f.name)}
            />
          ))}
          <div style={{ marginBottom: 12 }}>
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ taxRate: TAX_RATES[0] })}
              data-testid="invoice-add-line"
            >
              {t('invoices.addLine')}
            </Button>
          </div>
        </>
      )}
    </Form.List>
  );
}
