import { Card, Tag, Timeline, Typography } from 'antd';
import type { MethodOutput } from '../../../../../src-shared/api';
import { isLocale } from '../../../../../src-shared/i18n/locales';
import { useSession } from '../../../app/session';
import { formatStoreTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { localName } from '../repair-format';

type Detail = MethodOutput<'repairs.get'>;
type Event = Detail['events'][number];
type Pickers = MethodOutput<'repairs.pickers'>;

const COLOR: Partial<Record<Event['action'], string>> = {
  report: 'blue',
  resolve: 'green',
  confirm: 'green',
  auto_confirm: 'green',
  close: 'gray',
  cancel: 'red',
  reopen: 'orange',
  wait: 'purple',
};

const obj = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** What an event changed besides the state, from its data (priority, fault, assignee, codes, down). */
function details(e: Event, wo: Detail, p: Pickers | undefined, t: ReturnType<typeof useI18n>['t'], locale: string) {
  const out: string[] = [];
  const lang = isLocale(locale) ? locale : 'en';
  const codeName = (list: { code: string; nameZh: string; nameEn: string }[] | undefined, code: string) => {
    const c = list?.find((x) => x.code === code);
    return c ? localName(c, lang) : code;
  };
  const priority = obj(e.data.priority);
  if (priority) {
    const from = str(priority.from);
    const to = str(priority.to);
    const name = (x: string) =>
      ['urgent', 'high', 'normal', 'low'].includes(x) ? t(`repairs.priority.${x as 'low'}`) : x;
    out.push(t('repairs.event.priority', { from: name(from), to: name(to) }));
  }
  const fault = obj(e.data.faultCode);
  if (fault) {
    out.push(
      t('repairs.event.fault', {
        from: codeName(p?.faultCodes, str(fault.from)),
        to: codeName(p?.faultCodes, str(fault.to)),
      }),
    );
  }
  const assignee = obj(e.data.assignee);
  if (assignee) {
    const userId = str(assignee.userId);
    const vendorId = str(assignee.vendorId);
    const name = userId
      ? (p?.technicians.find((u) => u.userId === userId)?.displayName ??
        (userId === wo.assigneeUserId ? wo.assigneeName : null))
      : (p?.vendors.find((v) => v.id === vendorId)?.name ?? (vendorId === wo.vendorId ? wo.vendorName : null));
    if (name) out.push(t('repairs.event.assignee', { name }));
  }
  const resolution = obj(e.data.resolution);
  if (resolution) {
    out.push(
      t('repairs.event.codes', {
        fix: codeName(p?.resolutionCodes, str(resolution.resolutionCode)),
        cause: codeName(p?.rootCauseCodes, str(resolution.rootCauseCode)),
      }),
    );
  }
  if (e.data.down === true) out.push(t('repairs.event.down'));
  if (e.data.down === false) out.push(t('repairs.event.up'));
  return out;
}

/** Every step of the work order, oldest first: who, when, from which state to which, and why. */
export function WoTimeline({ wo }: { wo: Detail }) {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const pickers = useQuery('repairs.pickers', {});
  const tz = session.store?.timezone;
  return (
    <Card size="small" title={t('repairs.detail.timeline')} data-testid="wo-timeline">
      <Timeline
        items={wo.events.map((e) => ({
          key: e.id,
          color: COLOR[e.action] ?? 'blue',
          title: formatStoreTime(e.at, tz),
          content: (
            <div data-testid={`event-${e.action}`}>
              {e.data.by === 'hq' ? (
                // HQ's steps arrive by sync: its people are not this store's users, so the name travels in the event.
                <Tag color="geekblue" data-testid="event-from-hq">
                  {str(e.data.hqUser) ? t('hqRepairs.fromHqBy', { name: str(e.data.hqUser) }) : t('hqRepairs.fromHq')}
                </Tag>
              ) : (
                <Typography.Text strong>{e.userName ?? t('repairs.event.system')}</Typography.Text>
              )}{' '}
              {t(`repairs.action.${e.action}`)}
              {e.from !== e.to && (
                <Typography.Text type="secondary">
                  {' '}
                  {e.from ? `${t(`repairs.status.${e.from}`)} → ` : ''}
                  {t(`repairs.status.${e.to}`)}
                </Typography.Text>
              )}
              {e.waitingReason && <div>{t(`repairs.waiting.${e.waitingReason}`)}</div>}
              {details(e, wo, pickers.data, t, locale).map((d) => (
                <div key={d}>
                  <Typography.Text type="secondary">{d}</Typography.Text>
                </div>
              ))}
              {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
