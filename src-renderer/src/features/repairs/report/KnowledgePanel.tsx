import { BulbOutlined } from '@ant-design/icons';
import { Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useSession } from '../../../app/session';
import { formatStoreTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useMaybeQuery } from '../use-maybe-query';
import { money } from '../../../lib/money';
import { durationText, localName } from '../repair-format';

/**
 * How this fault was fixed before on the same make and model (this unit
 * first): the usual fixes and causes, and the latest repairs with their parts.
 * Shown to the reporter (it may be a known quick fix) and to the technician.
 */
export function KnowledgePanel({ equipmentId, faultCode }: { equipmentId: string; faultCode: string | null }) {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const tz = session.store?.timezone;
  const q = useMaybeQuery('repairs.knowledge', faultCode ? { equipmentId, faultCode } : null);
  const k = q.data;
  return (
    <Card
      size="small"
      title={
        <Space>
          <BulbOutlined />
          {t('repairs.knowledge.title')}
        </Space>
      }
      data-testid="knowledge-panel"
    >
      {!faultCode ? (
        <Typography.Text type="secondary">{t('repairs.knowledge.pickFault')}</Typography.Text>
      ) : !k ? (
        <Spin />
      ) : k.total === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('repairs.knowledge.none')} />
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text data-testid="knowledge-total">
            {t('repairs.knowledge.total', { n: k.total })}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary">{t('repairs.knowledge.fixes')}</Typography.Text>
            <div>
              {k.resolutions.map((r) => (
                <Tag key={r.code} color="green">
                  {localName(r, locale)} × {r.count}
                </Tag>
              ))}
            </div>
          </div>
          <div>
            <Typography.Text type="secondary">{t('repairs.knowledge.causes')}</Typography.Text>
            <div>
              {k.rootCauses.map((r) => (
                <Tag key={r.code}>
                  {localName(r, locale)} × {r.count}
                </Tag>
              ))}
            </div>
          </div>
          {k.history.map((h) => (
            <div key={h.workOrderId} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 6 }}>
              <Space size={4} wrap>
                <Link to={`/repairs/work-orders/${h.workOrderId}`}>{h.number}</Link>
                <Typography.Text type="secondary">{formatStoreTime(h.resolvedAt, tz).slice(0, 10)}</Typography.Text>
                {h.sameEquipment ? (
                  <Tag color="blue">{t('repairs.knowledge.thisUnit')}</Tag>
                ) : (
                  <Tag>{h.equipmentCode}</Tag>
                )}
              </Space>
              <div>{h.resolution}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[
                  t('repairs.knowledge.took', { time: durationText(t, h.repairMinutes) }),
                  h.parts.length ? h.parts.map((p) => localName(p, locale)).join('、') : '',
                  money(h.cost),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
