import { Tag, Tooltip } from 'antd';
import type { WorkOrderRow } from '../../../../src-shared/api/methods/repairs-dto';
import type { Priority } from '../../../../src-shared/repairs/settings';
import type { WaitingReason, WoState } from '../../../../src-shared/repairs/workflow';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { durationText, PRIORITY_COLOR, STATUS_COLOR } from './repair-format';

export type Clock = WorkOrderRow['responseClock'];
export type ClockKind = 'response' | 'resolution';
export type ClockLevel = 'none' | 'ok' | 'warning' | 'breached' | 'paused' | 'met' | 'missed';

export function StatusTag({ status, waiting }: { status: WoState; waiting?: WaitingReason | null }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="wo-status-tag">
      {t(`repairs.status.${status}`)}
      {status === 'waiting' && waiting ? ` · ${t(`repairs.waitingShort.${waiting}`)}` : ''}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: Priority }) {
  const { t } = useI18n();
  return <Tag color={PRIORITY_COLOR[priority]}>{t(`repairs.priority.${priority}`)}</Tag>;
}

/** The clock a list shows: the response clock until someone responded, the resolution clock after. */
export function mainClock(row: Pick<WorkOrderRow, 'responseClock' | 'resolutionClock'>): {
  kind: ClockKind;
  clock: Clock;
} {
  const r = row.responseClock;
  if (r.state === 'running' || r.state === 'paused') return { kind: 'response', clock: r };
  return { kind: 'resolution', clock: row.resolutionClock };
}

export function clockLevel(c: Clock): ClockLevel {
  if (c.state === 'none') return 'none';
  if (c.state === 'stopped') return c.met ? 'met' : 'missed';
  if (c.breached) return 'breached';
  if (c.state === 'paused') return 'paused';
  return c.warning ? 'warning' : 'ok';
}

const LEVEL_COLOR: Record<ClockLevel, string> = {
  none: 'default',
  ok: 'green',
  warning: 'orange',
  breached: 'red',
  paused: 'default',
  met: 'green',
  missed: 'red',
};

/** One SLA clock as a coloured tag: its state and the time left (or over). */
export function ClockTag({ kind, clock, showKind = true }: { kind: ClockKind; clock: Clock; showKind?: boolean }) {
  const { t } = useI18n();
  const text = clockText(t, kind, clock, showKind);
  const level = clockLevel(clock);
  return (
    <Tooltip title={t('repairs.sla.target', { target: durationText(t, clock.targetMinutes) })}>
      <Tag color={LEVEL_COLOR[level]} data-testid={`clock-${kind}`} data-level={level}>
        {text}
      </Tag>
    </Tooltip>
  );
}

export function clockText(t: ReturnType<typeof useI18n>['t'], kind: ClockKind, c: Clock, showKind = true): string {
  const prefix = showKind ? `${t(`repairs.sla.${kind}`)} · ` : '';
  const left = durationText(t, c.leftMinutes);
  switch (clockLevel(c)) {
    case 'none':
      return t('repairs.clock.none');
    case 'met':
      return prefix + t('repairs.clock.met');
    case 'missed':
      return prefix + t('repairs.sla.missedBy', { time: left });
    case 'breached':
      return prefix + t('repairs.sla.over', { time: left });
    case 'paused':
      return prefix + t('repairs.sla.paused', { time: left });
    case 'warning':
      return prefix + t('repairs.sla.soon', { time: left });
    default:
      return prefix + t('repairs.sla.left', { time: left });
  }
}

/** Due time of a running clock in the store's zone, for the detail page. */
export function clockDue(c: Clock, tz: string | undefined): string {
  return c.dueAt ? formatStoreTime(c.dueAt, tz) : '';
}
