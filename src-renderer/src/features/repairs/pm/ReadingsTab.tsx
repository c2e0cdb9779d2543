import { ImportOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MethodOutput } from '../../../../../src-shared/api';
import { parseScaled } from '../../../../../src-shared/quantity';
import { useSession } from '../../../app/session';
import { call } from '../../../lib/api';
import { showApiError } from '../../../lib/form-errors';
import { formatStoreTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { filterByLabel } from '../../../lib/pickers';
import { meterText, WORKERS } from '../repair-format';
import { useMaybeQuery } from '../use-maybe-query';
import { ImportReadingsModal } from './ImportReadingsModal';

type Reading = MethodOutput<'pm.readings'>[number];

interface Values {
  value: string;
  readAt: Dayjs;
  note?: string;
}

const HOURS = /^\s*\d{1,12}([.,]\d{0,3})?\s*$/;

/** Run-hour readings of one unit: enter one (never lower than the last), see the history, import a meter export. */
export function ReadingsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { session, can } = useSession();
  const [form] = Form.useForm<Values>();
  const [equipmentId, setEquipmentId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [pending, setPending] = useState(false);
  const equipment = useQuery('equipment.registry', {});
  const readings = useMaybeQuery('pm.readings', equipmentId ? { equipmentId } : null);
  const tz = session.store?.timezone;

  const record = async (v: Values) => {
    if (!equipmentId) return;
    setPending(true);
    try {
      await call('pm.recordReading', {
        equipmentId,
        // A malformed value goes as -1 so the server's message lands on the field.
        value: parseScaled(v.value.replace(',', '.'), 1000) ?? -1,
        readAt: v.readAt.toISOString(),
        note: v.note ?? '',
      });
      void message.success(t('repairs.readings.saved'));
      form.setFieldsValue({ value: '', note: '', readAt: dayjs() });
    } catch (err) {
      showApiError(err, message, form);
    } finally {
      setPending(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 980 }}>
      <Space wrap>
        <Select
          showSearch={{ filterOption: filterByLabel }}
          style={{ width: 360 }}
          placeholder={t('repairs.readings.pickEquipment')}
          value={equipmentId ?? undefined}
          onChange={setEquipmentId}
          options={(equipment.data ?? []).map((e) => ({ value: e.id, label: `${e.code} ${e.name}` }))}
          data-testid="readings-equipment"
        />
        {can(WORKERS) && (
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="readings-import">
            {t('repairs.readings.import')}
          </Button>
        )}
      </Space>
      {equipmentId && (
        <Card size="small" title={t('repairs.readings.record')}>
          <Form<Values>
            form={form}
            layout="inline"
            initialValues={{ readAt: dayjs() }}
            onFinish={(v) => void record(v)}
            data-testid="reading-form"
          >
            <Form.Item
              name="value"
              label={t('repairs.readings.value')}
              rules={[
                { required: true, message: t('validation.required') },
                { pattern: HOURS, message: t('repairs.checklist.number') },
              ]}
            >
              <Input suffix="h" inputMode="decimal" style={{ width: 160 }} data-testid="reading-value" />
            </Form.Item>
            <Form.Item
              name="readAt"
              label={t('repairs.readings.at')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} />
            </Form.Item>
            <Form.Item name="note" label={t('repairs.f.note')}>
              <Input maxLength={200} style={{ width: 200 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={pending} data-testid="reading-save">
              {t('repairs.readings.save')}
            </Button>
          </Form>
        </Card>
      )}
      {equipmentId && (
        <Table<Reading>
          size="small"
          rowKey="id"
          dataSource={readings.data ?? []}
          loading={readings.loading}
          pagination={{ pageSize: 10 }}
          locale={{ emptyText: t('repairs.readings.none') }}
          columns={[
            { title: t('repairs.readings.at'), render: (_, r) => formatStoreTime(r.readAt, tz) },
            { title: t('repairs.readings.value'), align: 'right', render: (_, r) => meterText(r.value) },
            {
              title: t('repairs.readings.source'),
              render: (_, r) => t(r.source === 'import' ? 'repairs.readings.fromImport' : 'repairs.readings.manual'),
            },
            { title: t('repairs.readings.by'), render: (_, r) => r.userName ?? '' },
            { title: t('repairs.f.note'), dataIndex: 'note' },
          ]}
        />
      )}
      {!equipmentId && <Typography.Text type="secondary">{t('repairs.readings.hint')}</Typography.Text>}
      <ImportReadingsModal open={importing} onClose={() => setImporting(false)} />
    </Space>
  );
}
