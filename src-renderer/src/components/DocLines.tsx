import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../src-shared/api';
import { call } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { filterByLabel, itemOptions, nameOf, qtyText, type Pickers } from '../lib/pickers';

type Lots = MethodOutput<'ops.fefo'>;

export interface LineValues {
  itemId?: string;
  qty?: string;
  unit?: string;
  lot?: string;
  reason?: string;
}

/**
 * One document line: item, quantity typed in one of the item's units, and for
 * lot-tracked items the lot, pre-filled with the FEFO suggestion (the lot in
 * the area that expires first).
 */
function Line(props: {
  name: number;
  pickers: Pickers;
  areaId: string | undefined;
  withReason: boolean;
  onRemove?: () => void;
}) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const { name, pickers, areaId } = props;
  const itemId = Form.useWatch(['lines', name, 'itemId'], form) as string | undefined;
  const item = pickers.items.find((i) => i.id === itemId);
  const [lots, setLots] = useState<Lots | null>(null);

  useEffect(() => {
    if (!item) return;
    const units = item.units.map((u) => u.unit);
    const current = form.getFieldValue(['lines', name, 'unit']) as string | undefined;
    if (!current || !units.includes(current)) form.setFieldValue(['lines', name, 'unit'], units[1] ?? units[0]);
  }, [item, form, name]);

  useEffect(() => {
    let alive = true;
    setLots(null);
    if (!item?.lotTracked || !areaId) return;
    void call('ops.fefo', { itemId: item.id, areaId }).then((r) => {
      if (!alive) return;
      setLots(r);
      form.setFieldValue(['lines', name, 'lot'], r[0]?.lot);
    });
    return () => {
      alive = false;
    };
  }, [item, areaId, form, name]);

  const first = lots?.[0];
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap' }} data-testid={`line-${name}`}>
      <Form.Item
        name={[name, 'itemId']}
        rules={[{ required: true, message: t('ops.form.required') }]}
        style={{ width: 260, marginBottom: 8 }}
      >
        <Select
          showSearch={{ filterOption: filterByLabel }}
          placeholder={t('ops.form.item')}
          options={itemOptions(pickers.items, locale)}
          data-testid={`line-${name}-item`}
        />
      </Form.Item>
      <Form.Item
        name={[name, 'qty']}
        rules={[{ required: true, message: t('ops.form.required') }]}
        style={{ width: 110, marginBottom: 8 }}
      >
        <Input placeholder={t('ops.form.qty')} inputMode="decimal" data-testid={`line-${name}-qty`} />
      </Form.Item>
      <Form.Item
        name={[name, 'unit']}
        rules={[{ required: true, message: t('ops.form.required') }]}
        style={{ width: 90, marginBottom: 8 }}
      >
        <Select
          placeholder={t('ops.form.unit')}
          options={(item?.units ?? []).map((u) => ({ value: u.unit, label: u.unit }))}
          data-testid={`line-${name}-unit`}
        />
      </Form.Item>
      {item?.lotTracked && (
        <Form.Item
          name={[name, 'lot']}
          style={{ width: 210, marginBottom: 8 }}
          extra={
            lots && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`line-${name}-fefo`}>
                {first
                  ? t('ops.form.fefo', {
                      lot: first.lot,
                      expiry: first.expiry ?? '-',
                      qty: qtyText(first.qty, item.baseUnit),
                    })
                  : t('ops.form.fefoNone')}
              </Typography.Text>
            )
          }
        >
          <Select
            placeholder={t('ops.form.lot')}
            options={(lots ?? []).map((l) => ({
              value: l.lot,
              label: `${l.lot} · ${l.expiry ?? '-'} · ${qtyText(l.qty, item.baseUnit)}`,
            }))}
          />
        </Form.Item>
      )}
      {props.withReason && (
        <Form.Item
          name={[name, 'reason']}
          rules={[{ required: true, message: t('ops.form.required') }]}
          style={{ width: 150, marginBottom: 8 }}
        >
          <Select
            placeholder={t('ops.form.reason')}
            options={pickers.reasons.map((r) => ({ value: r.code, label: nameOf(r, locale) }))}
            data-testid={`line-${name}-reason`}
          />
        </Form.Item>
      )}
      {props.onRemove && (
        <Button icon={<DeleteOutlined />} onClick={props.onRemove} aria-label={t('ops.form.remove')} />
      )}
    </div>
  );
}

/** The lines of a document; must sit inside the document's <Form>. */
export function DocLines(props: { pickers: Pickers; areaId: string | undefined; withReason?: boolean }) {
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
              areaId={props.areaId}
              withReason={!!props.withReason}
              onRemove={fields.length > 1 ? () => remove(f.name) : undefined}
            />
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 12 }} data-testid="add-line">
            {t('ops.form.addLine')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** Lines as the API takes them (empty lot dropped). */
export function toApiLines(lines: LineValues[] | undefined) {
  return (lines ?? []).map((l) => ({
    itemId: l.itemId!,
    qty: l.qty ?? '',
    unit: l.unit ?? '',
    lot: l.lot || undefined,
  }));
}
