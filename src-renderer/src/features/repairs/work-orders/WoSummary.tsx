import { Descriptions, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useSession } from '../../../app/session';
import { formatStoreTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { categoryName, durationText, faultName, localName } from '../repair-format';
import { clockDue, ClockTag } from '../RepairTags';

type Detail = MethodOutput<'repairs.get'>;

/** The work order's facts: equipment, fault, who and when, SLA clocks, the fix. */
export function WoSummary({ wo }: { wo: Detail }) {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const tz = session.store?.timezone;
  const time = (iso: string | null) => formatStoreTime(iso, tz);
  const downFor =
    wo.down && wo.downStart
      ? durationText(t, ((wo.upAt ? Date.parse(wo.upAt) : Date.now()) - Date.parse(wo.downStart)) / 60_000)
      : '';
  return (
    <Descriptions size="small" bordered column={{ xs: 1, lg: 2, xxl: 3 }} data-testid="wo-summary">
      <Descriptions.Item label={t('repairs.f.equipment')}>
        <Link to={`/equipment/${wo.equipmentId}`}>
          {wo.equipmentCode} {wo.equipmentName}
        </Link>
        <div>
          <Typography.Text type="secondary">
            {[categoryName(t, wo.category), wo.location, wo.make, wo.model, wo.serialNo].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
        {wo.underWarranty && <Tag color="green">{t('repairs.f.warrantyUntil', { day: wo.warrantyEnd ?? '' })}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={wo.kind === 'preventive' ? t('repairs.f.plan') : t('repairs.f.fault')}>
        {wo.kind === 'preventive' ? (
          <>
            {wo.pmPlanName}
            {wo.pmDueDay && <div>{t('repairs.f.pmDue', { day: wo.pmDueDay })}</div>}
            {wo.pmOverdue && <Tag color="red">{t('repairs.pm.overdue')}</Tag>}
          </>
        ) : (
          <span data-testid="wo-fault">
            {wo.faultCode} {faultName(wo, locale)}
          </span>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('repairs.f.down')}>
        {wo.down ? (
          <>
            <Tag color={wo.upAt ? 'default' : 'red'}>{wo.upAt ? t('repairs.f.upAgain') : t('repairs.f.isDown')}</Tag>
            {t('repairs.f.downFor', { time: downFor })}
          </>
        ) : (
          t('repairs.f.running')
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('repairs.f.reported')}>
        {wo.reportedBy ?? t('repairs.event.system')} · {time(wo.reportedAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('repairs.f.assignee')}>
        <span data-testid="wo-assignee-name">{wo.assigneeName ?? wo.vendorName ?? '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('repairs.f.sla')}>
        <div>
          <ClockTag kind="response" clock={wo.responseClock} />
          {wo.responseClock.dueAt && (
            <Typography.Text type="secondary">
              {t('repairs.sla.due', { at: clockDue(wo.responseClock, tz) })}
            </Typography.Text>
          )}
        </div>
        <div style={{ marginTop: 4 }}>
          <ClockTag kind="resolution" clock={wo.resolutionClock} />
          {wo.resolutionClock.dueAt && (
            <Typography.Text type="secondary">
              {t('repairs.sla.due', { at: clockDue(wo.resolutionClock, tz) })}
            </Typography.Text>
          )}
        </div>
      </Descriptions.Item>
      {wo.description ? (
        <Descriptions.Item label={t('repairs.f.description')} span={{ xs: 1, lg: 2, xxl: 3 }}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{wo.description}</span>
        </Descriptions.Item>
      ) : null}
      {wo.resolvedAt ? (
        <Descriptions.Item label={t('repairs.f.resolution')} span={{ xs: 1, lg: 2, xxl: 3 }}>
          <div data-testid="wo-resolution">{wo.resolution}</div>
          {wo.resolutionCode && (
            <Typography.Text type="secondary">
              {localName({ nameZh: wo.resolutionNameZh, nameEn: wo.resolutionNameEn }, locale)} ·{' '}
              {t('repairs.f.rootCauseValue', {
                cause: localName({ nameZh: wo.rootCauseNameZh, nameEn: wo.rootCauseNameEn }, locale),
              })}
            </Typography.Text>
          )}
          <div>
            <Typography.Text type="secondary">
              {t('repairs.f.resolvedAt', { at: time(wo.resolvedAt) })}
              {wo.autoConfirmAt &&
                wo.status === 'resolved' &&
                ` · ${t('repairs.f.autoConfirm', { at: time(wo.autoConfirmAt) })}`}
              {wo.reopenUntil && ` · ${t('repairs.f.reopenUntil', { at: time(wo.reopenUntil) })}`}
            </Typography.Text>
          </div>
        </Descriptions.Item>
      ) : null}
      {wo.reopenCount > 0 ? (
        <Descriptions.Item label={t('repairs.f.reopened')}>{wo.reopenCount}</Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}
