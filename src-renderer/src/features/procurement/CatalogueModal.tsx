import { Checkbox, Col, Form, Input, Row, Select, Switch } from 'antd';
import { useEffect, useMemo } from 'react';
import type { CatalogueRow } from '../../../../src-shared/api/methods/procurement';
import { formatScaled } from '../../../../src-shared/quantity';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../lib/i18n';
import { useMutation } from '../../lib/query';
import { filterByLabel, itemOptions, type Pickers } from '../../lib/pickers';
import { PRICE_PATTERN, parseYuan, yuanText } from '../../lib/money-entry';
import { moneySymbol } from '../../lib/money';

interface Values {
  itemId: string;
  supplierCode?: string;
  packUnit: string;
  packSize: { qty: string; unit: string };
  price: string;
  preferred: boolean;
  active: boolean;
}

/** An existing pack size in kg / l where the item is weighed or measured, else in its base unit: exact either way. */
function packSizeOf(r: CatalogueRow): Values['packSize'] {
  if (r.baseUnit === 'g') return { qty: formatScaled(r.packQty, 1_000_000), unit: 'kg' };
  if (r.baseUnit === 'ml') return { qty: formatScaled(r.packQty, 1_000_000), unit: 'l' };
  return { qty: formatScaled(r.packQty, 1000), unit: r.baseUnit };
}

/** Add or edit one catalogue entry: the supplier's code, pack and agreed price for an item. */
export function CatalogueModal(props: {
  open: boolean;
  supplierId: string;
  entry: CatalogueRow | null;
  pickers: Pickers | undefined;
  onClose(): void;
}) {
  const { t, locale } = useI18n();
  const save = useMutation('suppliers.saveItem');
  const e = props.entry;
  const initial = useMemo<Partial<Values>>(
    () =>
      e
        ? {
            itemId: e.itemId,
            supplierCode: e.supplierCode,
            packUnit: e.packUnit,
            packSize: packSizeOf(e),
            price: yuanText(e.price),
            preferred: e.preferred,
            active: e.active,
          }
        : { preferred: false, active: true },
    [e],
  );
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <FormModal<Values>
      open={props.open}
      title={e ? t('catalogue.edit', { item: `${e.itemCode}` }) : t('catalogue.add')}
      initialValues={initial}
      onSubmit={async (v) => {
        await save.mutate({
          supplierId: props.supplierId,
          itemId: v.itemId,
          supplierCode: v.supplierCode ?? '',
          packUnit: v.packUnit,
          packSize: v.packSize,
          // A price that is not a plain amount goes as -1: the API names the field.
          price: parseYuan(v.price) ?? -1,
          preferred: v.preferred,
          active: v.active,
        });
        return t('common.saved');
      }}
      onClose={props.onClose}
      testId="catalogue-form"
      okTestId="catalogue-save"
      size="small"
    >
      <Form.Item name="itemId" label={t('catalogue.f.item')} rules={required}>
        <Select
          showSearch={{ filterOption: filterByLabel }}
          disabled={!!e}
          options={itemOptions(props.pickers?.items, locale)}
          data-testid="catalogue-item"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="supplierCode" label={t('catalogue.f.supplierCode')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="packUnit" label={t('catalogue.f.packUnit')} rules={required} extra={t('catalogue.packHint')}>
            <Input maxLength={10} data-testid="catalogue-pack-unit" />
          </Form.Item>
        </Col>
      </Row>
      <PackSize pickers={props.pickers} />
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="price"
            label={t('catalogue.f.price', { currency: moneySymbol() })}
            rules={[...required, { pattern: PRICE_PATTERN, message: t('po.v.priceFormat') }]}
          >
            <Input inputMode="decimal" data-testid="catalogue-price" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="active" label={t('catalogue.f.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="preferred" valuePropName="checked">
        <Checkbox>{t('catalogue.f.preferred')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

/** Contents of one pack, typed in one of the chosen item's units. */
function PackSize(props: { pickers: Pickers | undefined }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<Values>();
  const itemId = Form.useWatch('itemId', form);
  const item = props.pickers?.items.find((i) => i.id === itemId);
  useEffect(() => {
    if (!item) return;
    const unit = form.getFieldValue(['packSize', 'unit']) as string | undefined;
    if (!unit || !item.units.some((u) => u.unit === unit)) {
      form.setFieldValue(['packSize', 'unit'], item.units[1]?.unit ?? item.units[0]?.unit);
    }
  }, [item, form]);
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item
          name={['packSize', 'qty']}
          label={t('catalogue.f.packSize')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input inputMode="decimal" data-testid="catalogue-pack-size" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name={['packSize', 'unit']}
          label=" "
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select options={(item?.units ?? []).map((u) => ({ value: u.unit, label: u.unit }))} />
        </Form.Item>
      </Col>
    </Row>
  );
}
