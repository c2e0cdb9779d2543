import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import type { MethodInput, MethodOutput } from '../../../../src-shared/api';
import { FormModal } from '../../components/FormModal';
import { HqOwnedNote } from '../../components/HqOwnedNote';
import { useI18n } from '../../lib/i18n';
import { useMutation, useQuery } from '../../lib/query';
import { useHqOwned } from '../../lib/use-hq-owned';
import { baseUnitKey, fromBase, toBase, type BaseUnit } from './item-units';
import { useAreaOptions, useCategoryOptions } from './options';

type Detail = MethodOutput<'items.get'>;

/** The form holds quantities as typed text; par and reorder point with the unit they were typed in. */
interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  baseUnit: BaseUnit;
  storageAreaId: string | null;
  shelfOrder: number | null;
  shelfLifeDays: number | null;
  parLevel: string;
  reorderPoint: string;
  qtyUnit: string;
  lotTracked: boolean;
  active: boolean;
  units: { unit: string; factor: string; purchase: boolean; count: boolean }[];
  barcodes: { barcode: string; unit: string }[];
}

const NEW: Partial<Values> = {
  baseUnit: 'g',
  shelfOrder: 0,
  qtyUnit: '',
  lotTracked: false,
  active: true,
  units: [],
  barcodes: [],
};

function toValues(d: Detail): Partial<Values> {
  const purchase = d.units.find((u) => u.purchase);
  // Par and reorder point are shown in the purchase unit when they are whole packs, else in the base unit.
  const inPacks =
    purchase && [d.parLevel, d.reorderPoint].every((q) => q === null || q % purchase.factor === 0) ? purchase : null;
  const show = (q: number | null) => (q === null ? '' : fromBase(q, inPacks?.factor ?? 1000));
  return {
    ...d,
    parLevel: show(d.parLevel),
    reorderPoint: show(d.reorderPoint),
    qtyUnit: inPacks?.unit ?? '',
    units: d.units.map((u) => ({ ...u, factor: fromBase(u.factor, 1000) })),
  };
}

interface Props {
  open: boolean;
  itemId: string | null;
  onClose(): void;
}

/** Create (itemId null) or edit an item; the item is loaded only while the dialog is open. */
export function ItemModal(props: Props) {
  if (!props.open) return null;
  return props.itemId ? <EditItem {...props} itemId={props.itemId} /> : <ItemDialog {...props} detail={null} />;
}

function EditItem(props: Props & { itemId: string }) {
  const detail = useQuery('items.get', { id: props.itemId });
  return detail.data ? <ItemDialog {...props} detail={detail.data} /> : null;
}

function ItemDialog(props: Props & { detail: Detail | null }) {
  const { t } = useI18n();
  const { detail } = props;
  const editing = detail !== null;
  const create = useMutation('items.create');
  const update = useMutation('items.update');
  const categories = useCategoryOptions();
  const areas = useAreaOptions(detail?.storageAreaId);
  const initial = useMemo(() => (detail ? toValues(detail) : NEW), [detail]);
  const hq = useHqOwned();
  // HQ's fields of an enrolled store's item are read-only; its own (area, shelf, par, reorder) stay editable.
  const locked = editing && hq !== null;

  const submit = async (v: Values) => {
    const units = (v.units ?? []).map((u) => ({
      unit: u.unit.trim(),
      factor: toBase(u.factor ?? '', 1000) ?? 0,
      purchase: !!u.purchase,
      count: !!u.count,
    }));
    const qtyFactor = units.find((u) => u.unit === v.qtyUnit)?.factor ?? 1000;
    const qty = (s: string) => (s?.trim() ? (toBase(s, qtyFactor) ?? -1) : null);
    const input: MethodInput<'items.create'> = {
      code: v.code,
      nameZh: v.nameZh,
      nameEn: v.nameEn,
      category: v.category,
      baseUnit: v.baseUnit,
      storageAreaId: v.storageAreaId ?? null,
      shelfOrder: v.shelfOrder ?? 0,
      shelfLifeDays: v.shelfLifeDays ?? null,
      parLevel: qty(v.parLevel),
      reorderPoint: qty(v.reorderPoint),
      lotTracked: !!v.lotTracked,
      active: !!v.active,
      units,
      barcodes: (v.barcodes ?? []).map((b) => ({ barcode: b.barcode.trim(), unit: b.unit ?? '' })),
    };
    const saved = editing ? await update.mutate({ ...input, id: detail.id }) : await create.mutate(input);
    return t(editing ? 'items.saved.toast' : 'items.created.toast', { code: saved.code });
  };

  const required = [{ required: true, message: t('validation.required') }];
  const qtyRule = [
    {
      validator: (_: unknown, s: string) =>
        !s?.trim() || toBase(s, 1000) !== null ? Promise.resolve() : Promise.reject(new Error(t('items.v.qty'))),
    },
  ];
  return (
    <FormModal<Values>
      size="small"
      okTestId="item-save"
      open={props.open}
      onClose={props.onClose}
      title={detail ? t('items.edit', { code: detail.code }) : t('items.add')}
      okText={editing ? t('common.save') : t('common.create')}
      initialValues={initial}
      onSubmit={submit}
      testId="item-form"
      width={820}
    >
      {locked && <HqOwnedNote hq={hq} detail={t('sync.hqOwned.item')} />}
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="code" label={t('items.f.code')} rules={required}>
            <Input data-testid="item-code" autoComplete="off" disabled={locked} />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="nameZh" label={t('items.f.nameZh')} rules={required}>
            <Input data-testid="item-nameZh" disabled={locked} />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="nameEn" label={t('items.f.nameEn')} rules={required}>
            <Input data-testid="item-nameEn" disabled={locked} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="category" label={t('items.f.category')} rules={required}>
            <Select
              options={categories}
              showSearch
              optionFilterProp="label"
              data-testid="item-category"
              disabled={locked}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="baseUnit" label={t('items.f.baseUnit')}>
            <Select
              disabled={locked}
              data-testid="item-baseUnit"
              options={(['g', 'ml', 'pc'] as const).map((u) => ({ value: u, label: t(`items.unit.${u}.long`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="storageAreaId" label={t('items.f.area')}>
            <Select options={areas} allowClear data-testid="item-area" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="shelfOrder" label={t('items.f.shelfOrder')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Text strong>
        {t('items.f.purchaseUnit')} / {t('items.f.countUnit')}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }}>
        {t('items.hint.units')}
      </Typography.Paragraph>
      <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.baseUnit !== b.baseUnit}>
        {({ getFieldValue }) => (
          <Form.List name="units">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
                    <span>1</span>
                    <Form.Item name={[f.name, 'unit']} rules={required} style={{ marginBottom: 4 }}>
                      <Input
                        disabled={locked}
                        placeholder={t('items.f.unit')}
                        style={{ width: 90 }}
                        data-testid={`unit-${f.name}-unit`}
                      />
                    </Form.Item>
                    <span>=</span>
                    <Form.Item name={[f.name, 'factor']} rules={[...required, ...qtyRule]} style={{ marginBottom: 4 }}>
                      <Input
                        disabled={locked}
                        style={{ width: 170 }}
                        addonAfter={t(baseUnitKey(getFieldValue('baseUnit') as BaseUnit))}
                        data-testid={`unit-${f.name}-factor`}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'purchase']} valuePropName="checked" style={{ marginBottom: 4 }}>
                      <Checkbox disabled={locked} data-testid={`unit-${f.name}-purchase`}>
                        {t('items.f.purchase')}
                      </Checkbox>
                    </Form.Item>
                    <Form.Item name={[f.name, 'count']} valuePropName="checked" style={{ marginBottom: 4 }}>
                      <Checkbox disabled={locked}>{t('items.f.count')}</Checkbox>
                    </Form.Item>
                    {!locked && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('items.remove')} />}
                  </Space>
                ))}
                {!locked && (
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => add({ unit: '', factor: '', purchase: fields.length === 0, count: false })}
                    data-testid="item-addUnit"
                    style={{ marginBottom: 12 }}
                  >
                    {t('items.addUnit')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        )}
      </Form.Item>

      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="parLevel" label={t('items.f.parLevel')} rules={qtyRule}>
            <Input data-testid="item-par" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="reorderPoint" label={t('items.f.reorderPoint')} rules={qtyRule}>
            <Input data-testid="item-reorder" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.units !== b.units || a.baseUnit !== b.baseUnit}>
            {({ getFieldValue }) => (
              <Form.Item name="qtyUnit" label={t('items.f.qtyUnit')}>
                <Select
                  data-testid="item-qtyUnit"
                  options={[
                    { value: '', label: t(baseUnitKey(getFieldValue('baseUnit') as BaseUnit)) },
                    ...((getFieldValue('units') as Values['units'] | undefined) ?? [])
                      .filter((u) => u?.unit?.trim())
                      .map((u) => ({ value: u.unit.trim(), label: u.unit.trim() })),
                  ]}
                />
              </Form.Item>
            )}
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="shelfLifeDays" label={t('items.f.shelfLife')}>
            <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} disabled={locked} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="lotTracked" valuePropName="checked" label=" ">
            <Checkbox disabled={locked}>{t('items.f.lotTracked')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>

      <Typography.Text strong>{t('items.f.barcodes')}</Typography.Text>
      <Form.List name="barcodes">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 4 }}>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item name={[f.name, 'barcode']} rules={required} style={{ marginBottom: 4 }}>
                  <Input
                    disabled={locked}
                    style={{ width: 200 }}
                    placeholder={t('items.f.barcode')}
                    data-testid={`barcode-${f.name}`}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'unit']} style={{ marginBottom: 4 }}>
                  <Input disabled={locked} style={{ width: 120 }} placeholder={t('items.f.barcodeUnit')} />
                </Form.Item>
                {!locked && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('items.remove')} />}
              </Space>
            ))}
            {!locked && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => add({ barcode: '', unit: '' })}>
                {t('items.addBarcode')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
      <Form.Item name="active" valuePropName="checked" style={{ marginTop: 12, marginBottom: 0 }}>
        <Checkbox disabled={locked} data-testid="item-active">
          {t('items.f.active')}
        </Checkbox>
      </Form.Item>
    </FormModal>
  );
}
