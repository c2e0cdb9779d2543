import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../../../src-shared/api';
import { formatScaled, parseScaled } from '../../../../../src-shared/quantity';
import { INTERVAL_KINDS, type IntervalKind } from '../../../../../src-shared/repairs/pm-schedule';
import { PRIORITIES, type Priority } from '../../../../../src-shared/repairs/settings';
import { call } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { showLinesError } from '../../../lib/lines-error';
import { filterByLabel } from '../../../lib/pickers';
import { reroute, under } from '../errors';
import { categoryName } from '../repair-format';
import { storeTodayValue } from '../../../lib/store-day';

export type Plan = MethodOutput<'pm.plans'>[number];

interface CheckValues {
  key?: string;
  label?: string;
  kind?: 'check' | 'reading';
  unit?: string;
  min?: string;
  max?: string;
}

interface Values {
  name: string;
  target: 'equipment' | 'category';
  equipmentId?: string;
  category?: string;
  intervalKind: IntervalKind;
  interval: number;
  leadDays?: number;
  /** Run hours as typed (meter values are thousandths). */
  leadMeter?: string;
  startDay: Dayjs;
  startMeter?: string;
  priority: Priority;
  assignee?: string;
  active: boolean;
  note?: string;
  checklist: CheckValues[];
}

const DECIMAL = /^\s*-?\d{1,9}([.,]\d{0,3})?\s*$/;
const milli = (s: string | undefined) => (s?.trim() ? parseScaled(s.replace(',', '.'), 1000) : null);
const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : formatScaled(v, 1000));

function toForm(p: Plan | null): Partial<Values> {
  if (!p) {
    return {
      target: 'equipment',
      intervalKind: 'months',
      interval: 1,
      leadDays: 7,
      startDay: storeTodayValue(),
      priority: 'normal',
      active: true,
      assignee: '',
      checklist: [],
    };
  }
  return {
    name: p.name,
    target: p.equipmentId ? 'equipment' : 'category',
    equipmentId: p.equipmentId ?? undefined,
    category: p.category ?? undefined,
    intervalKind: p.intervalKind,
    interval: p.interval,
    leadDays: p.leadDays,
    leadMeter: text(p.leadMeter),
    startDay: dayjs(p.startDay),
    startMeter: text(p.startMeter),
    priority: p.priority,
    assignee: p.assigneeUserId ? `user:${p.assigneeUserId}` : p.vendorId ? `vendor:${p.vendorId}` : '',
    active: p.active,
    note: p.note,
    checklist: p.checklist.map((c) => ({ ...c, min: text(c.min), max: text(c.max) })),
  };
}

/**
 * A preventive plan: one unit or a whole category, by calendar or run hours,
 * generated some days (or hours) ahead, with its checklist. Its own dialog
 * (not FormModal): server errors name checklist rows (`checklist.2.max`),
 * which need the numeric path of a Form.List.
 */
export function PlanModal({ open, plan, onClose }: { open: boolean; plan: Plan | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [pending, setPending] = useState(false);
  const equipment = useQuery('equipment.registry', {}, { enabled: open });
  const pickers = useQuery('repairs.pickers', {}, { enabled: open });
  const target = Form.useWatch('target', form);
  const kind = Form.useWatch('intervalKind', form);
  const required = [{ required: true, message: t('validation.required') }];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toForm(plan));
  }, [open, plan, form]);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const [who, id = ''] = (v.assignee ?? '').split(':');
    const input: MethodInput<'pm.savePlan'> = {
      id: plan?.id ?? null,
      name: v.name,
      equipmentId: v.target === 'equipment' ? (v.equipmentId ?? null) : null,
      category: v.target === 'category' ? (v.category ?? null) : null,
      intervalKind: v.intervalKind,
      interval: v.interval,
      leadDays: v.leadDays ?? 0,
      leadMeter: milli(v.leadMeter) ?? 0,
      startDay: v.startDay.format('YYYY-MM-DD'),
      startMeter: milli(v.startMeter) ?? 0,
      checklist: (v.checklist ?? []).map((c) => ({
        key: (c.key ?? '').trim(),
        label: c.label ?? '',
        kind: c.kind ?? 'check',
        unit: c.unit ?? '',
        min: c.kind === 'reading' ? milli(c.min) : null,
        max: c.kind === 'reading' ? milli(c.max) : null,
      })),
      priority: v.priority,
      assignee: who === 'user' ? { userId: id } : who === 'vendor' ? { vendorId: id } : null,
      active: v.active,
      note: v.note ?? '',
    };
    setPending(true);
    try {
      try {
        await call('pm.savePlan', input);
      } catch (err) {
        throw reroute(err, under('assignee', 'assignee'));
      }
      void message.success(t('repairs.pm.planSaved', { name: v.name }));
      onClose();
    } catch (err) {
      showLinesError(err, message, form);
    } finally {
      setPending(false);
    }
  };

  const meter = kind === 'meter';
  return (
    <Modal
      open={open}
      title={plan ? t('repairs.pm.editPlan', { name: plan.name }) : t('repairs.pm.addPlan')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      width={860}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'plan-save' } as Record<string, string>}
      styles={{ body: { maxHeight: 'calc(100vh - 200px)', overflowY: 'auto', overflowX: 'hidden' } }}
    >
      <Form<Values> form={form} layout="vertical" size="small" preserve={false} data-testid="plan-form">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="name" label={t('repairs.pm.name')} rules={required}>
              <Input maxLength={80} data-testid="plan-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="target" label={t('repairs.pm.target')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'equipment', label: t('repairs.pm.oneUnit') },
                  { value: 'category', label: t('repairs.pm.wholeCategory') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            {target === 'category' ? (
              <Form.Item name="category" label={t('repairs.f.category')} rules={required}>
                <Select
                  options={(pickers.data?.categories ?? []).map((c) => ({ value: c, label: categoryName(t, c) }))}
                />
              </Form.Item>
            ) : (
              <Form.Item name="equipmentId" label={t('repairs.f.equipment')} rules={required}>
                <Select
                  showSearch={{ filterOption: filterByLabel }}
                  options={(equipment.data ?? []).map((e) => ({ value: e.id, label: `${e.code} ${e.name}` }))}
                  data-testid="plan-equipment"
                />
              </Form.Item>
            )}
          </Col>
          <Col span={6}>
            <Form.Item name="intervalKind" label={t('repairs.pm.intervalKind')} rules={required}>
              <Select options={INTERVAL_KINDS.map((k) => ({ value: k, label: t(`repairs.pm.kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="interval"
              label={meter ? t('repairs.pm.everyHours') : t('repairs.pm.every')}
              rules={required}
            >
              <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {meter ? (
            <>
              <Col span={6}>
                <Form.Item
                  name="startMeter"
                  label={t('repairs.pm.startMeter')}
                  rules={[{ pattern: DECIMAL, message: t('repairs.checklist.number') }]}
                >
                  <Input suffix="h" inputMode="decimal" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item
                  name="leadMeter"
                  label={t('repairs.pm.leadMeter')}
                  rules={[{ pattern: DECIMAL, message: t('repairs.checklist.number') }]}
                >
                  <Input suffix="h" inputMode="decimal" />
                </Form.Item>
              </Col>
            </>
          ) : (
            <>
              <Col span={6}>
                <Form.Item name="startDay" label={t('repairs.pm.startDay')} rules={required}>
                  <DatePicker allowClear={false} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="leadDays" label={t('repairs.pm.leadDays')}>
                  <InputNumber min={0} max={90} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={6}>
            <Form.Item name="priority" label={t('repairs.f.priority')}>
              <Select options={PRIORITIES.map((p) => ({ value: p, label: t(`repairs.priority.${p}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="assignee" label={t('repairs.f.assignee')}>
              <Select
                options={[
                  { value: '', label: t('repairs.pm.noAssignee') },
                  ...(pickers.data?.technicians ?? []).map((u) => ({
                    value: `user:${u.userId}`,
                    label: u.displayName,
                  })),
                  ...(pickers.data?.vendors ?? []).map((v) => ({
                    value: `vendor:${v.id}`,
                    label: `${v.code} ${v.name}`,
                  })),
                ]}
                data-testid="plan-assignee"
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="active" label={t('repairs.f.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={20}>
            <Form.Item name="note" label={t('repairs.f.note')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('repairs.pm.checklist')} style={{ marginBottom: 0 }}>
          <Form.List name="checklist">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <ChecklistRow key={f.key} name={f.name} onRemove={() => remove(f.name)} />
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'check' })} data-testid="plan-add-check">
                  {t('repairs.pm.addCheck')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ChecklistRow({ name, onRemove }: { name: number; onRemove: () => void }) {
  const { t } = useI18n();
  const kind = Form.useWatch(['checklist', name, 'kind']) as string | undefined;
  const style = { marginBottom: 6 };
  return (
    <div style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
      <Form.Item
        name={[name, 'key']}
        style={{ ...style, width: 110 }}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input placeholder={t('repairs.pm.checkKey')} data-testid={`check-${name}-key`} />
      </Form.Item>
      <Form.Item
        name={[name, 'label']}
        style={{ ...style, flex: 1 }}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input placeholder={t('repairs.pm.checkLabel')} maxLength={120} data-testid={`check-${name}-label`} />
      </Form.Item>
      <Form.Item name={[name, 'kind']} style={{ ...style, width: 130 }}>
        <Select
          options={[
            { value: 'check', label: t('repairs.pm.kindCheck') },
            { value: 'reading', label: t('repairs.pm.kindReading') },
          ]}
          data-testid={`check-${name}-kind`}
        />
      </Form.Item>
      {kind === 'reading' && (
        <>
          <Form.Item name={[name, 'unit']} style={{ ...style, width: 60 }}>
            <Input placeholder={t('repairs.pm.unit')} maxLength={10} data-testid={`check-${name}-unit`} />
          </Form.Item>
          <Form.Item
            name={[name, 'min']}
            style={{ ...style, width: 80 }}
            rules={[{ pattern: DECIMAL, message: t('repairs.checklist.number') }]}
          >
            <Input placeholder={t('repairs.pm.min')} inputMode="decimal" data-testid={`check-${name}-min`} />
          </Form.Item>
          <Form.Item
            name={[name, 'max']}
            style={{ ...style, width: 80 }}
            rules={[{ pattern: DECIMAL, message: t('repairs.checklist.number') }]}
          >
            <Input placeholder={t('repairs.pm.max')} inputMode="decimal" data-testid={`check-${name}-max`} />
          </Form.Item>
        </>
      )}
      <Button icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('repairs.pm.removeCheck')} />
    </div>
  );
}
