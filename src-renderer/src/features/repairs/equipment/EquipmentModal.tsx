import { AutoComplete, Col, DatePicker, Form, Input, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { MethodOutput } from '../../../../../src-shared/api';
import type { EquipmentRow } from '../../../../../src-shared/api/methods/repairs-dto';
import { CRITICALITIES, type Criticality } from '../../../../../src-shared/repairs/settings';
import { useSession } from '../../../app/session';
import { FormModal } from '../../../components/FormModal';
import { HqOwnedNote } from '../../../components/HqOwnedNote';
import { call } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { filterByLabel } from '../../../lib/pickers';
import { useHqOwned } from '../../../lib/use-hq-owned';
import { categoryName } from '../repair-format';

interface Values {
  code: string;
  name: string;
  category: string;
  location?: string;
  make?: string;
  model?: string;
  serialNo?: string;
  supplierId?: string | null;
  vendorId?: string | null;
  installDay?: Dayjs | null;
  warrantyEnd?: Dayjs | null;
  criticality: Criticality;
  active: boolean;
  note?: string;
}

/** Equipment codes carry the store code (SH-001 -> SH001-), so stores never collide across the chain. */
export function equipmentPrefix(storeCode: string | undefined): string {
  return `${(storeCode ?? '').replace(/[^A-Za-z0-9]/g, '').toUpperCase()}-`;
}

const day = (d: string | null) => (d ? dayjs(d) : null);

/** Create or edit a piece of equipment: every registry field; the code is fixed once saved (it is on the label). */
export function EquipmentModal(props: {
  open: boolean;
  equipment: EquipmentRow | null;
  onClose(): void;
  onSaved?: (row: MethodOutput<'equipment.save'>) => void;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  const e = props.equipment;
  const pickers = useQuery('repairs.pickers', {}, { enabled: props.open });
  const suppliers = useQuery('suppliers.list', {}, { enabled: props.open });
  const vendors = useQuery('vendors.list', {}, { enabled: props.open });
  const prefix = equipmentPrefix(session.store?.code);
  const hq = useHqOwned();
  // HQ's fields of an enrolled store's equipment are read-only; location and notes stay the store's own.
  const locked = !!e && hq !== null;
  const initial = useMemo<Partial<Values>>(
    () =>
      e
        ? {
            ...e,
            installDay: day(e.installDay),
            warrantyEnd: day(e.warrantyEnd),
          }
        : { code: prefix, criticality: 'medium', active: true },
    [e, prefix],
  );
  const required = [{ required: true, message: t('validation.required') }];
  const { onSaved } = props;

  const submit = async (v: Values) => {
    const saved = await call('equipment.save', {
      id: e?.id ?? null,
      code: v.code.trim(),
      name: v.name,
      category: v.category.trim(),
      location: v.location ?? '',
      make: v.make ?? '',
      model: v.model ?? '',
      serialNo: v.serialNo ?? '',
      supplierId: v.supplierId || null,
      vendorId: v.vendorId || null,
      installDay: v.installDay ? v.installDay.format('YYYY-MM-DD') : null,
      warrantyEnd: v.warrantyEnd ? v.warrantyEnd.format('YYYY-MM-DD') : null,
      criticality: v.criticality,
      active: v.active,
      note: v.note ?? '',
    });
    onSaved?.(saved);
    return t('repairs.equipment.saved', { code: saved.code });
  };

  return (
    <FormModal<Values>
      open={props.open}
      title={e ? t('repairs.equipment.edit', { code: e.code }) : t('repairs.equipment.add')}
      initialValues={initial}
      onSubmit={submit}
      onClose={props.onClose}
      testId="equipment-form"
      okTestId="equipment-save"
      width={760}
      size="small"
    >
      {locked && <HqOwnedNote hq={hq} detail={t('sync.hqOwned.equipmentForm')} />}
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="code"
            label={t('repairs.f.code')}
            rules={required}
            extra={e ? undefined : t('repairs.equipment.codeHint', { prefix })}
          >
            <Input disabled={!!e} autoComplete="off" data-testid="equipment-code" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="name" label={t('repairs.f.name')} rules={required}>
            <Input disabled={locked} maxLength={80} data-testid="equipment-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="category" label={t('repairs.f.category')} rules={required}>
            <AutoComplete
              disabled={locked}
              options={(pickers.data?.categories ?? []).map((c) => ({
                value: c,
                label: `${categoryName(t, c)} (${c})`,
              }))}
              filterOption={(input, o) => String(o?.value ?? '').includes(input.toLowerCase())}
              data-testid="equipment-category"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="location" label={t('repairs.f.location')}>
            <Input maxLength={80} data-testid="equipment-location" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="criticality" label={t('repairs.f.criticality')} rules={required}>
            <Select
              disabled={locked}
              options={CRITICALITIES.map((c) => ({ value: c, label: t(`repairs.criticality.${c}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="make" label={t('repairs.f.make')}>
            <Input disabled={locked} maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="model" label={t('repairs.f.model')}>
            <Input disabled={locked} maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="serialNo" label={t('repairs.f.serial')}>
            <Input disabled={locked} maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="supplierId" label={t('repairs.f.supplier')}>
            <Select
              disabled={locked}
              allowClear
              showSearch={{ filterOption: filterByLabel }}
              options={(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="vendorId" label={t('repairs.f.serviceVendor')}>
            <Select
              disabled={locked}
              allowClear
              showSearch={{ filterOption: filterByLabel }}
              options={(vendors.data ?? []).map((v) => ({ value: v.id, label: `${v.code} ${v.name}` }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="installDay" label={t('repairs.f.installDay')}>
            <DatePicker disabled={locked} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="warrantyEnd" label={t('repairs.f.warrantyEnd')}>
            <DatePicker disabled={locked} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="active" label={t('repairs.f.inService')} valuePropName="checked">
            <Switch disabled={locked} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('repairs.f.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
