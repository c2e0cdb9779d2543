import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../../src-shared/api';
import { formatScaled, parseScaled } from '../../../../../src-shared/quantity';
import { isActiveState } from '../../../../../src-shared/repairs/workflow';
import { useSession } from '../../../app/session';
import { call } from '../../../lib/api';
import { formatStoreTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { showLinesError } from '../../../lib/lines-error';
import { reroute } from '../errors';
import { WORKERS } from '../repair-format';

type Detail = MethodOutput<'repairs.get'>;
type Line = Detail['checklist'][number];

interface Answer {
  passed?: boolean;
  reading?: string;
  note?: string;
}

const READING = /^\s*-?\d{1,9}([.,]\d{0,3})?\s*$/;

function toForm(lines: Line[]): { results: Answer[] } {
  return {
    results: lines.map((l) => ({
      passed: l.kind === 'check' ? (l.result?.passed ?? undefined) : undefined,
      reading:
        l.result?.reading !== null && l.result?.reading !== undefined ? formatScaled(l.result.reading, 1000) : '',
      note: l.result?.note ?? '',
    })),
  };
}

function rangeText(l: Line): string {
  const f = (v: number | null) => (v === null ? '' : formatScaled(v, 1000));
  if (l.min === null && l.max === null) return l.unit;
  return `${f(l.min)} – ${f(l.max)} ${l.unit}`.trim();
}

/** A preventive work order's checklist: pass or fail per check, a value per reading (outside the range fails). */
export function ChecklistCard({ wo }: { wo: Detail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { session, can } = useSession();
  const [form] = Form.useForm<{ results: Answer[] }>();
  const [saving, setSaving] = useState(false);
  // Answered while the work is on (the server's rule: from triage until resolved).
  const editable = can(WORKERS) && isActiveState(wo.status) && wo.status !== 'submitted';
  const tz = session.store?.timezone;

  useEffect(() => {
    form.setFieldsValue(toForm(wo.checklist));
  }, [wo.checklist, form]);

  const save = async () => {
    let v: { results: Answer[] };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    // Only answered items go; `sent[n]` is the checklist line of the n-th result, for error paths.
    const sent: number[] = [];
    const results = wo.checklist.flatMap((l, n) => {
      const a = v.results[n] ?? {};
      const reading = a.reading?.trim() ? parseScaled(a.reading.replace(',', '.'), 1000) : null;
      if (l.kind === 'check' ? a.passed === undefined : reading === null) return [];
      sent.push(n);
      return [{ key: l.key, passed: l.kind === 'check' ? a.passed : null, reading, note: a.note ?? '' }];
    });
    if (!results.length) {
      void message.warning(t('repairs.checklist.nothing'));
      return;
    }
    setSaving(true);
    try {
      try {
        await call('pm.saveChecklist', { workOrderId: wo.id, results });
      } catch (err) {
        throw reroute(err, (p) => p.replace(/^results\.(\d+)/, (_, i: string) => `results.${sent[Number(i)] ?? i}`));
      }
      void message.success(t('repairs.checklist.saved'));
    } catch (err) {
      showLinesError(err, message, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('repairs.detail.checklist')}
      extra={
        editable && (
          <Button size="small" type="primary" loading={saving} onClick={() => void save()} data-testid="checklist-save">
            {t('repairs.checklist.save')}
          </Button>
        )
      }
      data-testid="wo-checklist"
    >
      <Form form={form} disabled={!editable} size="small">
        {wo.checklist.map((l, n) => (
          <div
            key={l.key}
            style={{
              display: 'grid',
              gridTemplateColumns: 'minmax(160px, 1.4fr) 180px minmax(120px, 1fr) 24px',
              gap: 8,
              alignItems: 'start',
              borderTop: n ? '1px solid #f0f0f0' : undefined,
              paddingTop: 6,
            }}
            data-testid={`check-${l.key}`}
          >
            <div>
              <div>{l.label}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {l.kind === 'reading' ? rangeText(l) : ''}
                {l.result ? ` ${l.result.userName ?? ''} ${formatStoreTime(l.result.at, tz)}` : ''}
              </Typography.Text>
            </div>
            {l.kind === 'check' ? (
              <Form.Item name={['results', n, 'passed']} style={{ marginBottom: 6 }}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: true, label: t('repairs.checklist.pass') },
                    { value: false, label: t('repairs.checklist.fail') },
                  ]}
                />
              </Form.Item>
            ) : (
              <Form.Item
                name={['results', n, 'reading']}
                style={{ marginBottom: 6 }}
                rules={[{ pattern: READING, message: t('repairs.checklist.number') }]}
              >
                <Input inputMode="decimal" suffix={l.unit || undefined} />
              </Form.Item>
            )}
            <Form.Item name={['results', n, 'note']} style={{ marginBottom: 6 }}>
              <Input placeholder={t('repairs.f.note')} maxLength={500} />
            </Form.Item>
            <div style={{ paddingTop: 4 }}>
              {l.result?.passed === true && <CheckCircleTwoTone twoToneColor="#52c41a" />}
              {l.result?.passed === false && <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
            </div>
          </div>
        ))}
      </Form>
    </Card>
  );
}
