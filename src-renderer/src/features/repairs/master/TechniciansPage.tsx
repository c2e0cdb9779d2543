import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { DatePicker, Form, Input, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useSession } from '../../../app/session';
import { DataGrid } from '../../../components/DataGrid';
import { FormModal } from '../../../components/FormModal';
import { call } from '../../../lib/api';
import { editColumn } from '../edit-column';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { money, moneySymbol } from '../../../lib/money';
import { parseYuan, PRICE_PATTERN, yuanText } from '../../../lib/money-entry';
import { categoryName, EDITORS, listText } from '../repair-format';

type Tech = MethodOutput<'technicians.list'>[number];
type Cell = ICellRendererParams<Tech>;

interface Values {
  categories: string[];
  awayUntil?: Dayjs | null;
  hourlyRate?: string;
  note?: string;
}

/** Technicians (users with the technician role): their skills, when they are away, their hourly rate and load. */
export function TechniciansPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const q = useQuery('technicians.list', {});
  const pickers = useQuery('repairs.pickers', {});
  const [editing, setEditing] = useState<Tech | null>(null);
  const canEdit = can(EDITORS);

  const columns = useMemo<ColDef<Tech>[]>(
    () => [
      { field: 'displayName', headerName: t('repairs.tech.name'), width: 130, pinned: 'left' },
      { field: 'username', headerName: t('repairs.tech.username'), width: 110 },
      {
        colId: 'categories',
        headerName: t('repairs.tech.skills'),
        width: 380,
        wrapText: true,
        autoHeight: true,
        valueGetter: (x) =>
          x.data &&
          listText(
            x.data.categories.map((c) => categoryName(t, c)),
            locale,
          ),
        cellRenderer: (p: Cell) => p.data?.categories.map((c) => <Tag key={c}>{categoryName(t, c)}</Tag>),
      },
      {
        colId: 'available',
        headerName: t('repairs.tech.availability'),
        width: 150,
        valueGetter: (x) =>
          x.data &&
          (x.data.disabled
            ? t('repairs.tech.disabled')
            : x.data.available
              ? t('repairs.tech.available')
              : t('repairs.assign.away', { day: x.data.awayUntil ?? '' })),
        cellRenderer: (p: Cell) =>
          p.data && <Tag color={p.data.available && !p.data.disabled ? 'green' : 'orange'}>{p.value as string}</Tag>,
      },
      {
        colId: 'hourlyRate',
        headerName: t('repairs.tech.rate'),
        width: 110,
        type: 'rightAligned',
        valueGetter: (x) => x.data?.hourlyRate,
        valueFormatter: (x) => (x.value ? money(x.value as number) : t('repairs.tech.storeRate')),
      },
      { field: 'openLoad', headerName: t('repairs.tech.load'), width: 140, filter: 'agNumberColumnFilter' },
      { field: 'note', headerName: t('repairs.f.note'), flex: 1, minWidth: 140 },
      editColumn<Tech>(t, { canEdit, onEdit: setEditing, testId: (r) => `tech-edit-${r.username}` }),
    ],
    [t, locale, canEdit],
  );

  const initial = useMemo<Partial<Values> | undefined>(
    () =>
      editing
        ? {
            categories: editing.categories,
            awayUntil: editing.awayUntil ? dayjs(editing.awayUntil) : null,
            hourlyRate: editing.hourlyRate ? yuanText(editing.hourlyRate) : '',
            note: editing.note,
          }
        : undefined,
    [editing],
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('repairs.tech.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('repairs.tech.hint')}</Typography.Paragraph>
      <DataGrid<Tech>
        gridId="technicians"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.userId}
        exportName="technicians"
        onRowDoubleClicked={canEdit ? setEditing : undefined}
        height="calc(100vh - 230px)"
      />
      <FormModal<Values>
        open={editing !== null}
        title={t('repairs.tech.edit', { name: editing?.displayName ?? '' })}
        initialValues={initial}
        onSubmit={async (v) => {
          await call('technicians.save', {
            userId: editing!.userId,
            categories: v.categories ?? [],
            awayUntil: v.awayUntil ? v.awayUntil.format('YYYY-MM-DD') : null,
            hourlyRate: v.hourlyRate ? (parseYuan(v.hourlyRate) ?? -1) : 0,
            note: v.note ?? '',
          });
          return t('common.saved');
        }}
        onClose={() => setEditing(null)}
        testId="tech-form"
      >
        <Form.Item name="categories" label={t('repairs.tech.skills')}>
          <Select
            mode="multiple"
            options={(pickers.data?.categories ?? []).map((c) => ({ value: c, label: categoryName(t, c) }))}
          />
        </Form.Item>
        <Form.Item name="awayUntil" label={t('repairs.tech.awayUntil')} extra={t('repairs.tech.awayHint')}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="hourlyRate"
          label={t('repairs.tech.rate')}
          rules={[{ pattern: PRICE_PATTERN, message: t('po.v.priceFormat') }]}
          extra={t('repairs.tech.rateHint')}
        >
          <Input prefix={moneySymbol()} inputMode="decimal" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="note" label={t('repairs.f.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
