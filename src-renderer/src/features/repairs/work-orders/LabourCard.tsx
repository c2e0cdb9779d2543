import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useSession } from '../../../app/session';
import { FormModal } from '../../../components/FormModal';
import { call } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { money } from '../../../lib/money';
import { durationText, EDITORS, WORKERS } from '../repair-format';
import { ReversalCell, VoidModal } from './reversal';
import { storeTodayValue } from '../../../lib/store-day';

type Detail = MethodOutput<'repairs.get'>;
type Labour = Detail['labour'][number];

interface Values {
  userId?: string;
  minutes: number;
  day: Dayjs;
  note?: string;
}

/** Labour time on the work order at each technician's rate; a wrong line is cancelled by a reversing one. */
export function LabourCard({ wo }: { wo: Detail }) {
  const { t } = useI18n();
  const { session, can } = useSession();
  const [adding, setAdding] = useState(false);
  const [voiding, setVoiding] = useState<Labour | null>(null);
  const pickers = useQuery('repairs.pickers', {}, { enabled: adding });
  const worker = can(WORKERS);
  const me = session.user?.id;
  const initial = useMemo<Partial<Values>>(() => ({ userId: '', minutes: 30, day: storeTodayValue() }), []);
  return (
    <Card
      size="small"
      title={t('repairs.detail.labour')}
      extra={
        worker &&
        wo.canAddCosts && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="wo-log-labour">
            {t('repairs.labour.add')}
          </Button>
        )
      }
      data-testid="wo-labour"
    >
      <Table<Labour>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={wo.labour}
        locale={{ emptyText: t('repairs.labour.none') }}
        columns={[
          { title: t('repairs.labour.who'), render: (_, l) => l.userName ?? '' },
          { title: t('repairs.labour.day'), dataIndex: 'day', width: 100 },
          { title: t('repairs.labour.time'), width: 110, render: (_, l) => durationText(t, l.minutes) },
          { title: t('repairs.labour.rate'), align: 'right', width: 90, render: (_, l) => money(l.rate) },
          { title: t('repairs.parts.cost'), align: 'right', width: 90, render: (_, l) => money(l.cost) },
          { title: t('repairs.f.note'), dataIndex: 'note' },
          {
            title: '',
            width: 90,
            render: (_, l) => (
              <ReversalCell
                entry={l}
                canVoid={worker && wo.canAddCosts && (can(EDITORS) || l.userId === me)}
                onVoid={() => setVoiding(l)}
              />
            ),
          },
        ]}
      />
      <FormModal<Values>
        open={adding}
        title={t('repairs.labour.addTitle', { number: wo.number })}
        initialValues={initial}
        onSubmit={async (v) => {
          await call('repairs.logLabour', {
            id: wo.id,
            userId: v.userId || null,
            minutes: v.minutes,
            day: v.day.format('YYYY-MM-DD'),
            note: v.note ?? '',
          });
          return t('repairs.labour.logged');
        }}
        onClose={() => setAdding(false)}
        testId="labour-form"
        okTestId="labour-ok"
      >
        <Form.Item name="userId" label={t('repairs.labour.who')} hidden={!can(EDITORS)}>
          <Select
            options={[
              { value: '', label: t('repairs.labour.me') },
              ...(pickers.data?.technicians ?? [])
                .filter((u) => u.userId !== me)
                .map((u) => ({ value: u.userId, label: u.displayName })),
            ]}
          />
        </Form.Item>
        <Form.Item
          name="minutes"
          label={t('repairs.labour.minutes')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={1} max={1440} precision={0} style={{ width: 160 }} data-testid="labour-minutes" />
        </Form.Item>
        <Form.Item
          name="day"
          label={t('repairs.labour.day')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="note" label={t('repairs.f.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
      <VoidModal
        open={voiding !== null}
        title={t('repairs.labour.voidTitle')}
        onVoid={(note) => call('repairs.voidLabour', { labourId: voiding!.id, note })}
        onClose={() => setVoiding(null)}
      />
    </Card>
  );
}
