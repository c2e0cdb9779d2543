import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Segmented,
  Select,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { HqWoAction, HqWoDetailDto } from '../../../src-shared/hq-api/methods/repairs';
import { isLocale } from '../../../src-shared/i18n/locales';
import { showApiError } from '../../../src-renderer/src/lib/form-errors';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation, useQuery } from '../lib/query';
import { zonedTime } from '../lib/time';
import { categoryName, PRIORITY_COLOR, STATUS_COLOR } from './wo-format';

interface Values {
  note?: string;
  priority?: 'urgent' | 'high' | 'normal' | 'low';
  faultCode?: string;
  assignee?: string;
  text?: string;
  resolutionCode?: string;
  rootCauseCode?: string;
}

const named = (list: { code: string; nameZh: string; nameEn: string }[], locale: string) =>
  list.map((c) => ({ value: c.code, label: `${c.code} ${(locale === 'zh-CN' ? c.nameZh : c.nameEn) || c.nameZh}` }));

const codeName = (list: { code: string; nameZh: string; nameEn: string }[], code: string, locale: string) => {
  const c = list.find((x) => x.code === code);
  return c ? (locale === 'zh-CN' ? c.nameZh : c.nameEn) || c.nameZh : code;
};

/** One store's work order at HQ: its equipment, its steps (HQ's marked), and the next step HQ's maintenance team may take. */
export function WorkOrderDrawer(p: { storeId: string; workOrderId: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const q = useQuery('repairs.detail', { storeId: p.storeId, workOrderId: p.workOrderId });
  const act = useMutation('repairs.act');
  const [form] = Form.useForm<Values>();
  const [chosen, setChosen] = useState<HqWoAction | null>(null);
  const d = q.data;
  const action = d && chosen && d.allowedActions.includes(chosen) ? chosen : (d?.allowedActions[0] ?? null);
  const lang = isLocale(locale) ? locale : 'en';

  const submit = async (v: Values) => {
    if (!d || !action) return;
    const [kind, id] = (v.assignee ?? ':').split(':');
    await act
      .mutate({
        storeId: p.storeId,
        workOrderId: p.workOrderId,
        action,
        note: v.note ?? '',
        priority: v.priority ?? null,
        faultCode: v.faultCode ?? null,
        assignee: action === 'assign' && id ? (kind === 'vendor' ? { vendorId: id } : { userId: id }) : null,
        resolution:
          action === 'resolve' && v.text
            ? { text: v.text, resolutionCode: v.resolutionCode ?? '', rootCauseCode: v.rootCauseCode ?? '' }
            : null,
      })
      .then(
        () => {
          void message.success(t('hqRepairs.act.done'));
          form.resetFields();
          setChosen(null);
        },
        (err: unknown) => showApiError(err, message, form),
      );
  };

  return (
    <Drawer
      open
      width={620}
      onClose={p.onClose}
      title={
        d ? t('hqRepairs.detail.title', { number: d.row.number, store: `${d.row.storeCode} ${d.row.storeName}` }) : ''
      }
      data-testid="wo-drawer"
    >
      {!d ? (
        <Spin />
      ) : (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('hqRepairs.col.status')}>
              <Tag color={STATUS_COLOR[d.row.status]} data-testid="wo-status">
                {t(`repairs.status.${d.row.status}`)}
              </Tag>
              {d.row.overdue && <Tag color="red">{t('hqRepairs.overdue')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('hqRepairs.col.priority')}>
              <Tag color={PRIORITY_COLOR[d.row.priority]}>{t(`repairs.priority.${d.row.priority}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('hqRepairs.detail.equipment')} span={2}>
              {d.row.equipmentCode} {d.row.equipmentName} · {categoryName(t, d.row.category)} · {d.equipment.make}{' '}
              {d.equipment.model} {d.row.down && <Tag color="red">{t('hqRepairs.down')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('hqRepairs.col.assignee')} span={2}>
              <span data-testid="wo-assignee">{d.row.assigneeName ?? d.row.vendorName ?? '-'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('hqRepairs.detail.description')} span={2}>
              {d.description || '-'}
            </Descriptions.Item>
            {d.resolution && (
              <Descriptions.Item label={t('hqRepairs.detail.resolution')} span={2}>
                {d.resolution} ({codeName(d.resolutionCodes, d.resolutionCode, lang)} /{' '}
                {codeName(d.rootCauseCodes, d.rootCauseCode, lang)})
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5}>{t('hqRepairs.detail.timeline')}</Typography.Title>
          <Timeline
            data-testid="wo-events"
            items={d.events.map((e) => ({
              key: e.id,
              color: e.byHq ? 'geekblue' : 'gray',
              content: (
                <div>
                  <Typography.Text type="secondary">{zonedTime(e.at, d.row.timeZone)}</Typography.Text>{' '}
                  {e.byHq ? (
                    <Tag color="geekblue">{t('hqRepairs.fromHqBy', { name: e.userName ?? '' })}</Tag>
                  ) : (
                    <Typography.Text strong>{e.userName ?? t('hqRepairs.event.system')}</Typography.Text>
                  )}{' '}
                  {actionLabel(t, e.action)}
                  {e.from !== e.to && e.from && (
                    <Typography.Text type="secondary">
                      {' '}
                      {statusLabel(t, e.from)} → {statusLabel(t, e.to)}
                    </Typography.Text>
                  )}
                  {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
                </div>
              ),
            }))}
          />
          {action ? (
            <ActionForm d={d} action={action} lang={lang} form={form} onAction={setChosen} onSubmit={submit} />
          ) : (
            <Typography.Text type="secondary">{t('hqRepairs.detail.noActions')}</Typography.Text>
          )}
        </>
      )}
    </Drawer>
  );
}

type T = ReturnType<typeof useI18n>['t'];
const actionLabel = (t: T, a: string) => t(`repairs.action.${a as 'assign'}`);
const statusLabel = (t: T, s: string) => t(`repairs.status.${s as 'submitted'}`);

function ActionForm(p: {
  d: HqWoDetailDto;
  action: HqWoAction;
  lang: string;
  form: ReturnType<typeof Form.useForm<Values>>[0];
  onAction: (a: HqWoAction) => void;
  onSubmit: (v: Values) => Promise<void>;
}) {
  const { t } = useI18n();
  const { d, action } = p;
  return (
    <Form form={p.form} layout="vertical" onFinish={(v) => void p.onSubmit(v)} data-testid="wo-act-form">
      <Segmented<HqWoAction>
        value={action}
        onChange={p.onAction}
        options={d.allowedActions.map((a) => ({ value: a, label: t(`repairs.action.${a}`) }))}
        style={{ marginBottom: 12 }}
        data-testid="wo-action"
      />
      {['triage', 'assign', 'prioritize'].includes(action) && (
        <Form.Item name="priority" label={t('hqRepairs.col.priority')}>
          <Select
            allowClear
            options={(['urgent', 'high', 'normal', 'low'] as const).map((x) => ({
              value: x,
              label: t(`repairs.priority.${x}`),
            }))}
          />
        </Form.Item>
      )}
      {['triage', 'prioritize'].includes(action) && (
        <Form.Item name="faultCode" label={t('hqRepairs.form.fault')}>
          <Select allowClear showSearch optionFilterProp="label" options={named(d.faultCodes, p.lang)} />
        </Form.Item>
      )}
      {action === 'assign' && (
        <Form.Item name="assignee" label={t('hqRepairs.form.assignee')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="wo-assignee-select"
            options={[
              {
                label: t('hqRepairs.form.technicians'),
                options: d.technicians.map((u) => ({
                  value: `user:${u.userId}`,
                  label: `${u.displayName} (${t(`role.${u.role as 'technician'}`)})`,
                })),
              },
              {
                label: t('hqRepairs.form.vendors'),
                options: d.vendors.map((v) => ({ value: `vendor:${v.id}`, label: `${v.code} ${v.name}` })),
              },
            ]}
          />
        </Form.Item>
      )}
      {action === 'resolve' && (
        <>
          <Form.Item name="text" label={t('hqRepairs.form.resolution')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid="wo-resolution" />
          </Form.Item>
          <Form.Item name="resolutionCode" label={t('hqRepairs.form.resolutionCode')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={named(d.resolutionCodes, p.lang)}
              data-testid="wo-fix"
            />
          </Form.Item>
          <Form.Item name="rootCauseCode" label={t('hqRepairs.form.rootCause')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={named(d.rootCauseCodes, p.lang)}
              data-testid="wo-cause"
            />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="note"
        label={action === 'comment' ? t('hqRepairs.form.comment') : t('hqRepairs.form.note')}
        rules={action === 'comment' ? [{ required: true }] : []}
      >
        <Input.TextArea rows={2} data-testid="wo-note" />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="wo-act-submit">
        {t('hqRepairs.act.submit')}
      </Button>
    </Form>
  );
}
