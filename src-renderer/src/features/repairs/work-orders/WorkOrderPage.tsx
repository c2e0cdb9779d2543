import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { UserAction } from '../../../../../src-shared/repairs/workflow';
import { useSession } from '../../../app/session';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { KnowledgePanel } from '../report/KnowledgePanel';
import { EDITORS, WORKERS } from '../repair-format';
import { PriorityTag, StatusTag } from '../RepairTags';
import { ActionModal } from './ActionModal';
import { AttachmentsCard } from './AttachmentsCard';
import { ChecklistCard } from './ChecklistCard';
import { CostsCard } from './CostsCard';
import { InvoicesCard } from './InvoicesCard';
import { LabourCard } from './LabourCard';
import { PartsCard } from './PartsCard';
import { WoSummary } from './WoSummary';
import { WoTimeline } from './WoTimeline';

/** The step the work order is waiting for gets the primary button. */
const MAIN: readonly UserAction[] = ['confirm', 'start', 'resume', 'resolve', 'assign', 'triage', 'close'];

/**
 * One work order: what, where, who; the actions the caller may take now (the
 * server's list: nothing else is offered); timeline, files, parts, labour,
 * invoices, costs; the checklist of a preventive one.
 */
export function WorkOrderPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const q = useQuery('repairs.get', { id });
  const [action, setAction] = useState<UserAction | null>(null);
  const wo = q.data;
  if (!wo) return q.error ? <Alert type="error" showIcon title={q.error.message} /> : <Spin />;
  const main = MAIN.find((a) => wo.allowedActions.includes(a));
  const worker = can(WORKERS);

  return (
    <div>
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap align="start">
        <Space wrap>
          <Button
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(worker ? '/repairs/work-orders' : '/repairs/mine')}
            aria-label={t('repairs.detail.back')}
          />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="wo-number">
            {wo.number}
          </Typography.Title>
          <span data-testid="wo-status" data-status={wo.status}>
            <StatusTag status={wo.status} waiting={wo.waitingReason} />
          </span>
          <PriorityTag priority={wo.priority} />
          <Tag>{t(`repairs.kind.${wo.kind}`)}</Tag>
          {wo.down && !wo.upAt && <Tag color="red">{t('repairs.f.isDown')}</Tag>}
        </Space>
        <Space wrap data-testid="wo-actions">
          {wo.allowedActions.map((a) => (
            <Button
              key={a}
              type={a === main ? 'primary' : 'default'}
              danger={a === 'cancel'}
              onClick={() => setAction(a)}
              data-testid={`wo-action-${a}`}
            >
              {a === 'cancel' ? t('repairs.detail.cancelWo') : t(`repairs.action.${a}`)}
            </Button>
          ))}
        </Space>
      </Space>
      <WoSummary wo={wo} />
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {wo.checklist.length > 0 && <ChecklistCard wo={wo} />}
            <PartsCard wo={wo} />
            {/* The store side sees labour and invoices once there are some; the maintenance side adds them. */}
            {(worker || wo.labour.length > 0) && <LabourCard wo={wo} />}
            {(can(EDITORS) || wo.invoices.length > 0) && <InvoicesCard wo={wo} />}
            <WoTimeline wo={wo} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <CostsCard costs={wo.costs} />
            <AttachmentsCard wo={wo} />
            {wo.kind === 'corrective' && wo.faultCode && (
              <KnowledgePanel equipmentId={wo.equipmentId} faultCode={wo.faultCode} />
            )}
          </Space>
        </Col>
      </Row>
      <ActionModal wo={wo} action={action} onClose={() => setAction(null)} />
    </div>
  );
}
