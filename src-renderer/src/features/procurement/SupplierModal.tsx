import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Switch } from 'antd';
import { useMemo } from 'react';
import type { SupplierDto } from '../../../../src-shared/api/methods/procurement';
import { FormModal } from '../../components/FormModal';
import { HqOwnedNote } from '../../components/HqOwnedNote';
import { useI18n } from '../../lib/i18n';
import { useMutation } from '../../lib/query';
import { useHqOwned } from '../../lib/use-hq-owned';
import { PRICE_PATTERN, parseYuan, yuanText } from '../../lib/money-entry';
import { moneySymbol } from '../../lib/money';

interface Values {
  code: string;
  name: string;
  contact?: string;
  phone?: string;
  email?: string;
  address?: string;
  leadTimeDays?: number;
  orderDays?: number[];
  /** Yuan as text: exact, no float (the API's field of the same name takes ten-thousandths). */
  minOrderValue?: string;
  active: boolean;
  note?: string;
  contacts?: { name?: string; role?: string; phone?: string }[];
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Create or edit a supplier: contacts, lead time, order weekdays, minimum order. */
export function SupplierModal(props: { open: boolean; supplier: SupplierDto | null; onClose(): void }) {
  const { t } = useI18n();
  const create = useMutation('suppliers.create');
  const update = useMutation('suppliers.update');
  const s = props.supplier;
  // Every field of a supplier is HQ's once the store is enrolled: the dialog only shows them.
  const hq = useHqOwned();
  const initial = useMemo<Partial<Values>>(
    () =>
      s
        ? { ...s, minOrderValue: s.minOrderValue ? yuanText(s.minOrderValue) : '' }
        : { active: true, leadTimeDays: 1, orderDays: [], contacts: [] },
    [s],
  );
  const required = [{ required: true, message: t('validation.required') }];

  const submit = async (v: Values) => {
    const input = {
      code: v.code,
      name: v.name,
      contact: v.contact ?? '',
      phone: v.phone ?? '',
      email: v.email ?? '',
      address: v.address ?? '',
      leadTimeDays: v.leadTimeDays ?? 1,
      orderDays: v.orderDays ?? [],
      // A bad amount goes to the server as -1 so the message comes back on the field.
      minOrderValue: v.minOrderValue ? (parseYuan(v.minOrderValue) ?? -1) : 0,
      active: v.active,
      note: v.note ?? '',
      contacts: (v.contacts ?? [])
        .filter((c) => c.name?.trim())
        .map((c) => ({ name: c.name!, role: c.role ?? '', phone: c.phone ?? '' })),
    };
    if (s) await update.mutate({ ...input, id: s.id });
    else await create.mutate(input);
    return t('common.saved');
  };

  return (
    <FormModal<Values>
      open={props.open}
      title={s ? t('suppliers.edit', { code: s.code }) : t('suppliers.add')}
      initialValues={initial}
      onSubmit={submit}
      onClose={props.onClose}
      testId="supplier-form"
      okTestId="supplier-save"
      width={720}
      size="small"
      readOnly={hq !== null}
    >
      {hq !== null && <HqOwnedNote hq={hq} detail={t('sync.hqOwned.supplier')} />}
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="code" label={t('suppliers.f.code')} rules={required}>
            <Input autoComplete="off" data-testid="supplier-code" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="name" label={t('suppliers.f.name')} rules={required}>
            <Input data-testid="supplier-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="contact" label={t('suppliers.f.contact')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="phone" label={t('suppliers.f.phone')}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="email" label={t('suppliers.f.email')}>
            <Input inputMode="email" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('suppliers.f.address')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="leadTimeDays" label={t('suppliers.f.leadTime')}>
            <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="minOrderValue"
            label={t('suppliers.f.minOrder', { currency: moneySymbol() })}
            rules={[{ pattern: PRICE_PATTERN, message: t('po.v.priceFormat') }]}
          >
            <Input inputMode="decimal" data-testid="supplier-min-order" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="active" label={t('suppliers.f.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="orderDays" label={t('suppliers.f.orderDays')}>
            <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: t(`weekday.${d}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('suppliers.f.contacts')} style={{ marginBottom: 4 }}>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row gutter={8} key={f.key}>
                  <Col span={8}>
                    <Form.Item name={[f.name, 'name']} style={{ marginBottom: 6 }}>
                      <Input placeholder={t('suppliers.f.contact')} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[f.name, 'role']} style={{ marginBottom: 6 }}>
                      <Input placeholder={t('suppliers.f.contactRole')} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[f.name, 'phone']} style={{ marginBottom: 6 }}>
                      <Input placeholder={t('suppliers.f.phone')} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('po.removeLine')} />
                  </Col>
                </Row>
              ))}
              {fields.length < 5 && (
                <Button icon={<PlusOutlined />} size="small" onClick={() => add({})}>
                  {t('suppliers.addContact')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="note" label={t('suppliers.f.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
