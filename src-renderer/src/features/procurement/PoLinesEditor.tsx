import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Typography } from 'antd';
import type { CatalogueRow, PoLineDto } from '../../../../src-shared/api/methods/procurement';
import { parseScaled } from '../../../../src-shared/quantity';
import { useI18n } from '../../lib/i18n';
import { filterByLabel, nameOf, type Pickers } from '../../lib/pickers';
import { PRICE_PATTERN, lineValue, parseYuan, yuanText } from '../../lib/money-entry';
import { money, moneySymbol } from '../../lib/money';
import { sizeText } from '../../../../src-shared/pack-size';

export interface PoLineValues {
  itemId?: string;
  /** Packs as typed ('2', '1.5'). */
  packs?: string;
  /** Price per pack in yuan as typed; empty = the catalogue's. */
  price?: string;
}

export function lineAmount(l: PoLineValues | undefined): number | null {
  const packs = l?.packs ? parseScaled(l.packs, 1000) : null;
  const price = parseYuan(l?.price);
  return packs !== null && packs > 0 && price !== null ? lineValue(packs, price) : null;
}

/**
 * One order line: the item (the supplier's catalogue first), packs, price per
 * pack (filled from the catalogue when the item is picked) and the amount.
 */
function Line(props: {
  name: number;
  pickers: Pickers;
  catalogue: CatalogueRow[];
  saved: PoLineDto[];
  onRemove(): void;
}) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const { name, catalogue } = props;
  const line = Form.useWatch(['lines', name], form) as PoLineValues | undefined;
  const offer = catalogue.find((c) => c.itemId === line?.itemId && c.active);
  const saved = props.saved.find((l) => l.itemId === line?.itemId);
  const inCatalogue = new Set(catalogue.filter((c) => c.active).map((c) => c.itemId));
  const options = [
    ...catalogue
      .filter((c) => c.active && c.itemActive)
      .map((c) => ({ value: c.itemId, label: `${c.itemCode} ${nameOf(c, locale)} · ${c.packUnit}` })),
    ...props.pickers.items
      .filter((i) => !inCatalogue.has(i.id))
      .map((i) => ({ value: i.id, label: `${i.code} ${nameOf(i, locale)}` })),
  ];
  const pack = offer
    ? `${offer.packUnit} = ${sizeText(offer.packQty, offer.baseUnit)}`
    : saved
      ? `${saved.packUnit} = ${sizeText(saved.packQty, saved.baseUnit)}`
      : line?.itemId
        ? t('po.notInCatalogue')
        : '';
  const amount = lineAmount(line);
  return (
    <div
      style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap' }}
      data-testid={`po-line-${name}`}
    >
      <Typography.Text type="secondary" style={{ width: 24, paddingTop: 5, textAlign: 'right' }}>
        {name + 1}
      </Typography.Text>
      <Form.Item
        name={[name, 'itemId']}
        rules={[{ required: true, message: t('validation.required') }]}
        style={{ width: 320, marginBottom: 8 }}
      >
        <Select
          showSearch={{ filterOption: filterByLabel }}
          placeholder={t('po.pickItem')}
          options={options}
          data-testid={`po-line-${name}-item`}
          onChange={(itemId: string) => {
            const o = catalogue.find((c) => c.itemId === itemId && c.active);
            form.setFieldValue(['lines', name, 'price'], o ? yuanText(o.price) : '');
          }}
        />
      </Form.Item>
      <Form.Item
        name={[name, 'packs']}
        rules={[{ required: true, message: t('validation.required') }]}
        style={{ width: 90, marginBottom: 8 }}
      >
        <Input placeholder={t('po.col.packs')} inputMode="decimal" data-testid={`po-line-${name}-packs`} />
      </Form.Item>
      <Typography.Text type="secondary" style={{ width: 150, paddingTop: 5, fontSize: 12 }}>
        {pack}
      </Typography.Text>
      <Form.Item
        name={[name, 'price']}
        rules={[{ pattern: PRICE_PATTERN, message: t('po.v.priceFormat') }]}
        style={{ width: 120, marginBottom: 8 }}
      >
        <Input
          prefix={moneySymbol()}
          placeholder={t('po.col.price')}
          inputMode="decimal"
          data-testid={`po-line-${name}-price`}
        />
      </Form.Item>
      <Typography.Text style={{ width: 110, paddingTop: 5, textAlign: 'right' }} data-testid={`po-line-${name}-value`}>
        {amount === null ? '' : money(amount)}
      </Typography.Text>
      <Button icon={<DeleteOutlined />} onClick={props.onRemove} aria-label={t('po.removeLine')} />
    </div>
  );
}

/** The lines of a draft order; must sit inside its <Form>. */
export function PoLinesEditor(props: { pickers: Pickers; catalogue: CatalogueRow[]; saved: PoLineDto[] }) {
  const { t } = useI18n();
  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Line
              key={f.key}
              name={f.name}
              pickers={props.pickers}
              catalogue={props.catalogue}
              saved={props.saved}
              onRemove={() => remove(f.name)}
            />
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({})}
            style={{ marginBottom: 12 }}
            data-testid="po-add-line"
          >
            {t('po.addLine')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
