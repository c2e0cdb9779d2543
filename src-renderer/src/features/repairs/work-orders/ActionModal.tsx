import { Form, Input, Select, Switch } from 'antd';
import { useMemo } from 'react';
import type { MethodInput, MethodOutput } from '../../../../../src-shared/api';
import { PRIORITIES, type Priority } from '../../../../../src-shared/repairs/settings';
import { WAITING_REASONS, type UserAction, type WaitingReason } from '../../../../../src-shared/repairs/workflow';
import { FormModal } from '../../../components/FormModal';
import { call } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { filterByLabel } from '../../../lib/pickers';
import { reroute, under } from '../errors';
import { useMaybeQuery } from '../use-maybe-query';
import { localName } from '../repair-format';

type Detail = MethodOutput<'repairs.get'>;
type Suggestions = MethodOutput<'repairs.suggestAssignees'>;

interface Values {
  note?: string;
  priority?: Priority;
  faultCode?: string;
  /** `user:<id>` or `vendor:<id>`: one picker for both kinds of assignee. */
  assignee?: string;
  waitingReason?: WaitingReason;
  resolution?: { text?: string; resolutionCode?: string; rootCauseCode?: string; equipmentUp?: boolean };
  down?: boolean;
}

/** Actions whose note is required (the server says so too; asking first saves a round trip). */
const NOTE_REQUIRED: readonly UserAction[] = ['cancel', 'reopen', 'comment'];

function assigneeOptions(s: Suggestions | undefined, t: ReturnType<typeof useI18n>['t']) {
  if (!s) return [];
  return [
    {
      label: t('repairs.assign.technicians'),
      options: s.technicians.map((u) => ({
        value: `user:${u.userId}`,
        label: [
          u.displayName,
          u.skilled ? t('repairs.assign.skilled') : t('repairs.assign.notSkilled'),
          u.available ? t('repairs.assign.available') : t('repairs.assign.away', { day: u.awayUntil ?? '' }),
          t('repairs.assign.load', { n: u.openLoad }),
        ].join(' · '),
      })),
    },
    {
      label: t('repairs.assign.vendors'),
      options: s.vendors.map((v) => ({
        value: `vendor:${v.id}`,
        label: [
          `${v.code} ${v.name}`,
          v.servicesEquipment ? t('repairs.assign.servicesThis') : v.covers ? t('repairs.assign.covers') : '',
          v.contractActive
            ? t('repairs.assign.contractUntil', { day: v.contractEnd ?? '—' })
            : t('repairs.assign.noContract'),
          v.phone,
        ]
          .filter(Boolean)
          .join(' · '),
      })),
    },
  ];
}

function defaultAssignee(wo: Detail, s: Suggestions | undefined): string | undefined {
  if (wo.assigneeUserId) return `user:${wo.assigneeUserId}`;
  if (wo.vendorId) return `vendor:${wo.vendorId}`;
  const best = s?.technicians[0];
  return best && best.skilled && best.available ? `user:${best.userId}` : undefined;
}

/** The inputs one lifecycle action needs, in a small dialog; the server's answer decides. */
export function ActionModal({ wo, action, onClose }: { wo: Detail; action: UserAction | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const open = action !== null;
  const pickers = useQuery('repairs.pickers', {}, { enabled: open });
  const suggestions = useMaybeQuery('repairs.suggestAssignees', action === 'assign' ? { id: wo.id } : null);
  const faultCodes = useMemo(
    () =>
      (pickers.data?.faultCodes ?? []).filter(
        (f) => f.active && f.parentCode !== null && (f.category === wo.category || f.category === 'general'),
      ),
    [pickers.data, wo.category],
  );
  const initial = useMemo<Partial<Values>>(
    () => ({
      priority: wo.priority,
      faultCode: wo.faultCode || undefined,
      assignee: action === 'assign' ? defaultAssignee(wo, suggestions.data) : undefined,
      resolution: { equipmentUp: true },
      down: false,
    }),
    [wo, action, suggestions.data],
  );
  const required = [{ required: true, message: t('validation.required') }];
  const corrective = wo.kind === 'corrective';

  const submit = async (v: Values) => {
    if (!action) return;
    const input: MethodInput<'repairs.transition'> = { id: wo.id, action, note: v.note?.trim() ?? '' };
    if (v.priority && v.priority !== wo.priority) input.priority = v.priority;
    if (v.faultCode && v.faultCode !== wo.faultCode) input.faultCode = v.faultCode;
    if (action === 'assign' && v.assignee) {
      const [kind, id = ''] = v.assignee.split(':');
      input.assignee = kind === 'vendor' ? { vendorId: id } : { userId: id };
    }
    if (action === 'wait') input.waitingReason = v.waitingReason ?? null;
    if (action === 'resolve' && v.resolution?.text?.trim()) {
      input.resolution = {
        text: v.resolution.text.trim(),
        resolutionCode: v.resolution.resolutionCode ?? '',
        rootCauseCode: v.resolution.rootCauseCode ?? '',
        equipmentUp: v.resolution.equipmentUp ?? true,
      };
    }
    if (action === 'reopen' && v.down) input.down = true;
    try {
      await call('repairs.transition', input);
    } catch (err) {
      throw reroute(err, (p) => under('assignee', 'assignee')(under('resolution', 'resolution.text')(p)));
    }
    return t('repairs.action.done', { number: wo.number, action: t(`repairs.action.${action}`) });
  };

  const resolutionRules = corrective ? required : [];
  return (
    <FormModal<Values>
      open={open}
      title={action ? `${t(`repairs.action.${action}`)} · ${wo.number}` : ''}
      okText={action ? t(`repairs.action.${action}`) : undefined}
      initialValues={initial}
      onSubmit={submit}
      onClose={onClose}
      testId="wo-action-form"
      okTestId="wo-action-ok"
      width={action === 'assign' || action === 'resolve' ? 640 : 520}
    >
      {action === 'assign' && (
        <Form.Item name="assignee" label={t('repairs.f.assignee')} rules={required}>
          <Select
            showSearch={{ filterOption: filterByLabel }}
            loading={suggestions.loading}
            options={assigneeOptions(suggestions.data, t)}
            data-testid="wo-assignee"
          />
        </Form.Item>
      )}
      {(action === 'triage' || action === 'assign' || action === 'prioritize') && (
        <Form.Item name="priority" label={t('repairs.f.priority')} rules={action === 'prioritize' ? required : []}>
          <Select
            options={PRIORITIES.map((p) => ({ value: p, label: t(`repairs.priority.${p}`) }))}
            data-testid="wo-priority"
          />
        </Form.Item>
      )}
      {(action === 'triage' || action === 'prioritize') && corrective && (
        <Form.Item name="faultCode" label={t('repairs.f.fault')}>
          <Select
            showSearch={{ filterOption: filterByLabel }}
            options={faultCodes.map((f) => ({ value: f.code, label: `${f.code} ${localName(f, locale)}` }))}
          />
        </Form.Item>
      )}
      {action === 'wait' && (
        <Form.Item name="waitingReason" label={t('repairs.f.waitingReason')} rules={required}>
          <Select
            options={WAITING_REASONS.map((r) => ({ value: r, label: t(`repairs.waiting.${r}`) }))}
            data-testid="wo-waiting-reason"
          />
        </Form.Item>
      )}
      {action === 'resolve' && (
        <>
          <Form.Item name={['resolution', 'text']} label={t('repairs.f.resolution')} rules={resolutionRules}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="wo-resolution-text" />
          </Form.Item>
          <Form.Item
            name={['resolution', 'resolutionCode']}
            label={t('repairs.f.resolutionCode')}
            rules={resolutionRules}
          >
            <Select
              options={(pickers.data?.resolutionCodes ?? []).map((c) => ({
                value: c.code,
                label: localName(c, locale),
              }))}
              data-testid="wo-resolution-code"
            />
          </Form.Item>
          <Form.Item name={['resolution', 'rootCauseCode']} label={t('repairs.f.rootCause')} rules={resolutionRules}>
            <Select
              options={(pickers.data?.rootCauseCodes ?? []).map((c) => ({
                value: c.code,
                label: localName(c, locale),
              }))}
              data-testid="wo-root-cause"
            />
          </Form.Item>
          {wo.down && !wo.upAt && (
            <Form.Item name={['resolution', 'equipmentUp']} label={t('repairs.f.equipmentUp')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </>
      )}
      {action === 'reopen' && (
        <Form.Item name="down" label={t('repairs.f.downAgain')} valuePropName="checked">
          <Switch data-testid="wo-reopen-down" />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={t('repairs.f.note')}
        rules={action && NOTE_REQUIRED.includes(action) ? required : []}
      >
        <Input.TextArea rows={2} maxLength={2000} data-testid="wo-action-note" />
      </Form.Item>
    </FormModal>
  );
}
