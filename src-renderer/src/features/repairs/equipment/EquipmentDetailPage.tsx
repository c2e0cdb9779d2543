import { ArrowLeftOutlined, EditOutlined, PaperClipOutlined, QrcodeOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Space,
  Spin,
  Statistic,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { WorkOrderRow } from '../../../../../src-shared/api/methods/repairs-dto';
import { useSession } from '../../../app/session';
import { DataGrid } from '../../../components/DataGrid';
import { call } from '../../../lib/api';
import { showApiError } from '../../../lib/form-errors';
import { formatStoreTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { AttachmentList } from '../AttachmentList';
import { readDocument } from '../FilePick';
import { NotAnImageError } from '../photos';
import { categoryName, CRITICALITY_COLOR, durationText, EDITORS, meterText, reportLink } from '../repair-format';
import { CostsCard } from '../work-orders/CostsCard';
import { woColumns } from '../work-orders/wo-columns';
import { EquipmentModal } from './EquipmentModal';
import { QrLabelModal } from './QrLabelModal';

const FILE_EDITORS = ['manager', 'admin', 'technician'] as const;

/**
 * One piece of equipment: its registry fields, manuals and photos, QR label,
 * last year's reliability (MTTR, MTBF, downtime), lifetime cost, preventive
 * plans and its work orders.
 */
export function EquipmentDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { session, can } = useSession();
  const navigate = useNavigate();
  const q = useQuery('equipment.get', { id });
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(false);
  const [uploading, setUploading] = useState(false);
  const tz = session.store?.timezone;
  const columns = useMemo(() => woColumns(t, locale, tz, { equipment: true }), [t, locale, tz]);
  const e = q.data;
  if (!e) return q.error ? <Alert type="error" showIcon title={q.error.message} /> : <Spin />;

  const attach = async (file: File) => {
    setUploading(true);
    try {
      const doc = await readDocument(file);
      await call('equipment.attach', { equipmentId: e.id, file: doc });
      void message.success(t('repairs.files.added', { name: doc.fileName }));
    } catch (err) {
      if (err instanceof NotAnImageError) void message.error(t('repairs.file.wrongType', { name: file.name }));
      else showApiError(err, message);
    } finally {
      setUploading(false);
    }
  };
  const r = e.reliability;
  const minutes = (m: number | null) => (m === null ? '—' : durationText(t, m));

  return (
    <div>
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Button
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate('/equipment')}
            aria-label={t('repairs.detail.back')}
          />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="equipment-title">
            {e.code} {e.name}
          </Typography.Title>
          <Tag color={CRITICALITY_COLOR[e.criticality]}>{t(`repairs.criticality.${e.criticality}`)}</Tag>
          {!e.active && <Tag>{t('repairs.equipment.inactive')}</Tag>}
          {e.underWarranty && <Tag color="green">{t('repairs.f.warrantyUntil', { day: e.warrantyEnd ?? '' })}</Tag>}
        </Space>
        <Space wrap>
          {e.active && (
            <Button type="primary" danger icon={<WarningOutlined />} onClick={() => navigate(reportLink(e.code))}>
              {t('repairs.action.report')}
            </Button>
          )}
          <Button icon={<QrcodeOutlined />} onClick={() => setLabel(true)} data-testid="equipment-qr">
            {t('repairs.qr.button')}
          </Button>
          {can(EDITORS) && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="equipment-edit">
              {t('common.edit')}
            </Button>
          )}
        </Space>
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Descriptions size="small" bordered column={{ xs: 1, lg: 2 }} data-testid="equipment-details">
            <Descriptions.Item label={t('repairs.f.category')}>{categoryName(t, e.category)}</Descriptions.Item>
            <Descriptions.Item label={t('repairs.f.location')}>{e.location}</Descriptions.Item>
            <Descriptions.Item label={t('repairs.f.makeModel')}>
              {[e.make, e.model].filter(Boolean).join(' ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('repairs.f.serial')}>{e.serialNo}</Descriptions.Item>
            <Descriptions.Item label={t('repairs.f.supplier')}>{e.supplierName ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('repairs.f.serviceVendor')}>{e.vendorName ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('repairs.f.installDay')}>{e.installDay ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('repairs.f.warrantyEnd')}>{e.warrantyEnd ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('repairs.f.meter')}>
              {e.lastReading ? `${meterText(e.lastReading.value)} · ${formatStoreTime(e.lastReading.readAt, tz)}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('repairs.f.qrPayload')}>
              <Typography.Text code>{e.qrPayload}</Typography.Text>
            </Descriptions.Item>
            {e.note ? (
              <Descriptions.Item label={t('repairs.f.note')} span={{ xs: 1, lg: 2 }}>
                {e.note}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Card
            size="small"
            title={t('repairs.equipment.reliability')}
            style={{ marginTop: 12 }}
            data-testid="equipment-reliability"
          >
            <Row gutter={12}>
              <Col span={6}>
                <Statistic title={t('repairs.col.failures')} value={r.failures} />
              </Col>
              <Col span={6}>
                <Statistic title={t('repairs.equipment.mttr')} value={minutes(r.mttrMinutes)} />
              </Col>
              <Col span={6}>
                <Statistic title={t('repairs.equipment.mtbf')} value={minutes(r.mtbfMinutes)} />
              </Col>
              <Col span={6}>
                <Statistic title={t('repairs.equipment.downtime')} value={minutes(r.downtimeMinutes)} />
              </Col>
            </Row>
          </Card>
          {e.plans.length > 0 && (
            <Card size="small" title={t('repairs.equipment.plans')} style={{ marginTop: 12 }}>
              {e.plans.map((p) => (
                <div key={p.id}>
                  {p.name} · {t(`repairs.interval.${p.intervalKind}`, { n: p.interval })}
                  {!p.active && <Tag style={{ marginLeft: 8 }}>{t('repairs.equipment.inactive')}</Tag>}
                </div>
              ))}
            </Card>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <CostsCard costs={e.costs} title={t('repairs.equipment.lifetimeCost', { n: e.costs.workOrders })} />
            <Card
              size="small"
              title={t('repairs.detail.files', { n: e.files.length })}
              extra={
                can(FILE_EDITORS) && (
                  <Upload
                    accept="application/pdf,image/*"
                    showUploadList={false}
                    beforeUpload={(f) => {
                      void attach(f);
                      return false;
                    }}
                  >
                    <Button
                      size="small"
                      icon={<PaperClipOutlined />}
                      loading={uploading}
                      data-testid="equipment-attach"
                    >
                      {t('repairs.files.add')}
                    </Button>
                  </Upload>
                )
              }
            >
              <AttachmentList files={e.files} testId="equipment-files" />
            </Card>
          </Space>
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('repairs.equipment.history')}
      </Typography.Title>
      <DataGrid<WorkOrderRow>
        gridId="equipment-work-orders"
        rows={e.workOrders}
        columns={columns}
        getRowId={(w) => w.id}
        exportName={`work-orders-${e.code}`}
        onRowDoubleClicked={(w) => navigate(`/repairs/work-orders/${w.id}`)}
        height={360}
      />
      <EquipmentModal open={editing} equipment={e} onClose={() => setEditing(false)} />
      <QrLabelModal equipment={label ? e : null} onClose={() => setLabel(false)} />
    </div>
  );
}
