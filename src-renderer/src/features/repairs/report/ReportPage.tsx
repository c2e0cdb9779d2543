import { CheckCircleOutlined, ScanOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  ConfigProvider,
  Form,
  Input,
  Result,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { MethodOutput } from '../../../../../src-shared/api';
import type { Priority } from '../../../../../src-shared/repairs/settings';
import { PRIORITIES } from '../../../../../src-shared/repairs/settings';
import { useSession } from '../../../app/session';
import { call } from '../../../lib/api';
import { showApiError } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { useScanner } from '../../../lib/scanner';
import { filterByLabel } from '../../../lib/pickers';
import { reroute, under } from '../errors';
import { useMaybeQuery } from '../use-maybe-query';
import { inPairs, type PhotoDraft } from '../photos';
import { categoryName, CRITICALITY_COLOR, EDITORS, faultName } from '../repair-format';
import { ClockTag, PriorityTag, StatusTag } from '../RepairTags';
import { DownToggle } from './DownToggle';
import { FaultPicker } from './FaultPicker';
import { KnowledgePanel } from './KnowledgePanel';
import { PhotoPicker } from './PhotoPicker';

type Detail = MethodOutput<'repairs.report'>;

interface Values {
  equipment?: string;
  faultCode?: string;
  down: boolean;
  description?: string;
  photos: PhotoDraft[];
  /** '' keeps the suggested priority. */
  priority?: Priority | '';
}

const EMPTY: Values = { down: false, photos: [], description: '' };

/**
 * Report a fault (报修). Built for the QR on the equipment: a scan anywhere on
 * the screen (or opening /repairs/report/<code>) picks the equipment, then a
 * fault button, the "down" toggle and send: four steps. Description and photos
 * are optional; the priority is suggested from the equipment's criticality.
 */
export function ReportPage() {
  const { code } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [ref, setRef] = useState<string | null>(code ?? null);
  const [done, setDone] = useState<Detail | null>(null);
  const [sending, setSending] = useState(false);

  // A new link (another label opened while the screen is up) starts a new report.
  useEffect(() => {
    if (!code) return;
    setRef(code);
    setDone(null);
    form.setFieldsValue({ ...EMPTY, faultCode: undefined, priority: '' });
  }, [code, form]);

  const registry = useQuery('equipment.registry', {});
  const resolved = useMaybeQuery('equipment.resolveQr', ref ? { payload: ref } : null);
  const eq = ref ? resolved.data : undefined;
  const faultCode = Form.useWatch('faultCode', form);
  const down = Form.useWatch('down', form) ?? false;
  const canSetPriority = can(EDITORS);

  useEffect(() => {
    if (eq) form.setFieldValue('equipment', eq.equipment.code);
  }, [eq, form]);

  const pick = (text: string) => {
    setRef(text.trim());
    setDone(null);
    form.setFieldsValue({ faultCode: undefined, down: false, priority: '' });
  };
  // A label scanned anywhere on the screen, whatever has focus.
  useScanner(pick);

  const submit = async (v: Values) => {
    if (!eq) return;
    setSending(true);
    try {
      const [first = [], ...rest] = inPairs(v.photos.map((p) => ({ fileName: p.fileName, dataBase64: p.dataBase64 })));
      let wo: Detail;
      try {
        wo = await call('repairs.report', {
          equipment: eq.equipment.qrPayload,
          faultCode: v.faultCode ?? '',
          down: v.down,
          description: v.description ?? '',
          photos: first,
          priority: canSetPriority && v.priority ? v.priority : null,
        });
      } catch (err) {
        throw reroute(err, under('photos', 'photos'));
      }
      // More than two photos: the rest follow the report, two per call (the HTTP host's body limit).
      for (const pair of rest) await call('repairs.attach', { id: wo.id, photos: pair });
      setDone(wo);
      form.setFieldsValue({ ...EMPTY, faultCode: undefined, priority: '' });
    } catch (err) {
      showApiError(err, message, form);
    } finally {
      setSending(false);
    }
  };

  if (done) {
    return (
      <Result
        status="success"
        icon={<CheckCircleOutlined />}
        title={<span data-testid="report-done">{t('repairs.report.done', { number: done.number })}</span>}
        subTitle={
          <Space orientation="vertical" size={4}>
            <span>
              {done.equipmentCode} {done.equipmentName} · {faultName(done, locale)}
            </span>
            <Space size={4} wrap style={{ justifyContent: 'center' }}>
              <StatusTag status={done.status} />
              <PriorityTag priority={done.priority} />
              <ClockTag kind="response" clock={done.responseClock} />
            </Space>
          </Space>
        }
        extra={[
          <Button
            key="follow"
            type="primary"
            size="large"
            href={`#/repairs/work-orders/${done.id}`}
            data-testid="report-follow"
          >
            {t('repairs.report.follow', { number: done.number })}
          </Button>,
          <Button
            key="again"
            size="large"
            onClick={() => {
              setDone(null);
              setRef(null);
              form.setFieldsValue({ ...EMPTY, equipment: undefined, faultCode: undefined, priority: '' });
              if (code) navigate('/repairs/report');
            }}
            data-testid="report-again"
          >
            {t('repairs.report.again')}
          </Button>,
        ]}
      />
    );
  }

  const suggested = eq ? eq.suggestedPriority[down ? 'down' : 'running'] : null;
  const e = eq?.equipment;
  return (
    <div style={{ maxWidth: 1180 }}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('repairs.report.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          <ScanOutlined /> {t('repairs.report.scanHint')}
        </Typography.Text>
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small">
            {/* Tighter rows than the app's forms: the whole report fits a 768 px screen. */}
            <ConfigProvider theme={{ components: { Form: { itemMarginBottom: 14 } } }}>
              <Form<Values>
                form={form}
                layout="vertical"
                initialValues={EMPTY}
                onFinish={(v) => void submit(v)}
                data-testid="report-form"
              >
                <Form.Item
                  name="equipment"
                  label={t('repairs.f.equipment')}
                  rules={[{ required: true, message: t('repairs.report.pickEquipment') }]}
                  validateStatus={ref && resolved.error ? 'error' : undefined}
                  help={ref && resolved.error ? resolved.error.message : undefined}
                >
                  <Select
                    showSearch={{ filterOption: filterByLabel }}
                    placeholder={t('repairs.report.equipmentPlaceholder')}
                    loading={registry.loading}
                    onChange={(v: string) => pick(v)}
                    options={(registry.data ?? []).map((r) => ({
                      value: r.code,
                      label: `${r.code} ${r.name}${r.location ? ` · ${r.location}` : ''}`,
                    }))}
                    data-testid="report-equipment"
                  />
                </Form.Item>
                {e && (
                  <>
                    <div data-testid="report-equipment-info" style={{ marginTop: -8, marginBottom: 12 }}>
                      <Space size={[8, 4]} wrap>
                        <Typography.Text type="secondary">
                          {[e.location, categoryName(t, e.category), [e.make, e.model].filter(Boolean).join(' ')]
                            .filter(Boolean)
                            .join(' · ')}
                        </Typography.Text>
                        <Tag color={CRITICALITY_COLOR[e.criticality]}>
                          {t('repairs.report.criticality', { level: t(`repairs.criticality.${e.criticality}`) })}
                        </Tag>
                        {e.underWarranty && <Tag color="green">{t('repairs.f.underWarranty')}</Tag>}
                      </Space>
                    </div>
                    {eq.openWorkOrders.length > 0 && (
                      <Alert
                        type="info"
                        showIcon
                        style={{ marginBottom: 12, padding: '6px 12px' }}
                        data-testid="report-open-wos"
                        title={
                          <Space size={[8, 2]} wrap>
                            <span>{t('repairs.report.openWos', { n: eq.openWorkOrders.length })}</span>
                            {eq.openWorkOrders.slice(0, 3).map((w) => (
                              <span key={w.id}>
                                <Link to={`/repairs/work-orders/${w.id}`}>{w.number}</Link>{' '}
                                {w.kind === 'preventive' ? t('repairs.kind.preventive') : faultName(w, locale)}{' '}
                                <StatusTag status={w.status} waiting={w.waitingReason} />
                              </span>
                            ))}
                          </Space>
                        }
                      />
                    )}
                    <Form.Item
                      name="faultCode"
                      label={t('repairs.f.fault')}
                      rules={[{ required: true, message: t('repairs.report.pickFault') }]}
                    >
                      <FaultPicker codes={eq.faultCodes} />
                    </Form.Item>
                    <Space align="start" wrap size="large">
                      <Form.Item name="down" label={t('repairs.f.down')}>
                        <DownToggle />
                      </Form.Item>
                      <Form.Item label={t('repairs.report.suggested')}>
                        {canSetPriority ? (
                          <Form.Item name="priority" noStyle>
                            <Select<Priority | ''>
                              style={{ width: 200 }}
                              aria-label={t('repairs.f.priority')}
                              options={[
                                {
                                  value: '',
                                  label: t('repairs.report.suggestedValue', {
                                    priority: t(`repairs.priority.${suggested ?? 'normal'}`),
                                  }),
                                },
                                ...PRIORITIES.map((p) => ({ value: p, label: t(`repairs.priority.${p}`) })),
                              ]}
                              data-testid="report-priority"
                            />
                          </Form.Item>
                        ) : (
                          suggested && (
                            <span data-testid="report-suggested">
                              <PriorityTag priority={suggested} />
                            </span>
                          )
                        )}
                      </Form.Item>
                      <Form.Item name="photos" label={t('repairs.f.photosOptional')}>
                        <PhotoPicker testId="report-photos" />
                      </Form.Item>
                    </Space>
                    <Form.Item name="description" label={t('repairs.f.descriptionOptional')}>
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        maxLength={2000}
                        data-testid="report-description"
                      />
                    </Form.Item>
                    <Button
                      type="primary"
                      size="large"
                      htmlType="submit"
                      loading={sending}
                      disabled={!faultCode}
                      style={{ minWidth: 200, minHeight: 48 }}
                      data-testid="report-submit"
                    >
                      {t('repairs.report.submit')}
                    </Button>
                  </>
                )}
              </Form>
            </ConfigProvider>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          {e && <KnowledgePanel equipmentId={e.id} faultCode={faultCode ?? null} />}
        </Col>
      </Row>
    </div>
  );
}
