import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Tag } from 'antd';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import { hqApi } from '../../../src-shared/hq-api';
import type { HqFaultDto } from '../../../src-shared/hq-api/methods/master-data';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation, useQuery } from '../lib/query';
import { useSession } from '../lib/session';
import { activeColumn, MasterGrid } from './MasterGrid';

type Values = Omit<HqFaultDto, 'id'>;

/** Category, then each group followed by its symptoms: the tree as rows. */
export function faultTree(rows: readonly HqFaultDto[]): HqFaultDto[] {
  const groups = rows.filter((r) => r.parentCode === null || !rows.some((p) => p.code === r.parentCode));
  const out: HqFaultDto[] = [];
  for (const g of [...groups].sort((a, b) => a.category.localeCompare(b.category) || a.sortOrder - b.sortOrder)) {
    out.push(g);
    out.push(...rows.filter((r) => r.parentCode === g.code && r !== g).sort((a, b) => a.sortOrder - b.sortOrder));
  }
  return out;
}

/** Fault codes by equipment category: groups and their symptoms, as every store's repair report offers them. */
export function FaultsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const q = useQuery('master.faults.list', {});
  const save = useMutation('master.faults.save');
  const [editing, setEditing] = useState<{ row: HqFaultDto | null } | null>(null);
  const rows = useMemo(() => (q.data ? faultTree(q.data) : undefined), [q.data]);
  const columns = useMemo<ColDef<HqFaultDto>[]>(
    () => [
      { field: 'category', headerName: t('hqm.f.category'), width: 150 },
      {
        colId: 'code',
        headerName: t('hqm.f.code'),
        width: 190,
        valueGetter: (p) => p.data?.code,
        cellRenderer: (p: ICellRendererParams<HqFaultDto>) =>
          p.data &&
          (p.data.parentCode ? <span style={{ paddingLeft: 18 }}>└ {p.data.code}</span> : <b>{p.data.code}</b>),
      },
      {
        colId: 'level',
        headerName: t('hqm.f.parentCode'),
        width: 130,
        valueGetter: (p) => p.data && (p.data.parentCode ?? t('hqm.faults.group')),
        cellRenderer: (p: ICellRendererParams<HqFaultDto>) =>
          p.data && (p.data.parentCode ? p.data.parentCode : <Tag color="blue">{t('hqm.faults.group')}</Tag>),
      },
      {
        colId: 'name',
        headerName: t('hqm.f.name'),
        flex: 1,
        minWidth: 160,
        valueGetter: (p) => p.data && (locale === 'zh-CN' ? p.data.nameZh : p.data.nameEn),
      },
      activeColumn<HqFaultDto>(t),
    ],
    [t, locale],
  );
  const required = [{ required: true, message: t('validation.required') }];
  const r = editing?.row ?? null;
  const initial = useMemo<Partial<Values>>(() => r ?? { parentCode: null, sortOrder: 0, active: true }, [r]);
  return (
    <>
      <MasterGrid<HqFaultDto>
        title="hqm.nav.faults"
        gridId="hq-faults"
        rows={rows}
        loading={q.loading}
        columns={columns}
        getRowId={(x) => x.id}
        canEdit={can(hqApi['master.faults.save'].access)}
        addLabel="hqm.faults.add"
        onAdd={() => setEditing({ row: null })}
        onEdit={useCallback((row: HqFaultDto) => setEditing({ row }), [])}
        history={useCallback((x: HqFaultDto) => ({ table: 'fault_codes', key: { id: x.id }, name: x.code }), [])}
      />
      <FormModal<Values>
        open={editing !== null}
        title={r ? `${t('hqm.edit')} ${r.code}` : t('hqm.faults.add')}
        initialValues={initial}
        onSubmit={async (v) => {
          await save.mutate({ ...v, parentCode: v.parentCode ?? null, id: r?.id });
          return t('hq.master.saved');
        }}
        onClose={() => setEditing(null)}
        testId="fault-form"
        okTestId="fault-save"
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="code" label={t('hqm.f.code')} rules={required}>
              <Input maxLength={40} disabled={!!r} data-testid="fault-code" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="category" label={t('hqm.f.category')} rules={required}>
              <Input maxLength={40} placeholder="refrigeration" data-testid="fault-category" />
            </Form.Item>
          </Col>
        </Row>
        <ParentField faults={q.data ?? []} />
        <Form.Item name="nameZh" label={t('hqm.f.nameZh')} rules={required}>
          <Input maxLength={200} data-testid="fault-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('hqm.f.nameEn')} rules={required}>
          <Input maxLength={200} data-testid="fault-name-en" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="sortOrder" label={t('hqm.f.sortOrder')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="active" valuePropName="checked" label=" ">
              <Checkbox>{t('hqm.f.active')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </FormModal>
    </>
  );
}

/**
 * The group field: only the groups of the category being entered, since a
 * symptom sits under one of those. A plain Select inside the Form.Item, so an
 * API error on parentCode lands next to it.
 */
function ParentField(props: { faults: readonly HqFaultDto[] }) {
  const { t, locale } = useI18n();
  const category = Form.useWatch('category', Form.useFormInstance<Values>()) as string | undefined;
  const groups = props.faults.filter((f) => f.parentCode === null && f.category === category);
  return (
    <Form.Item name="parentCode" label={t('hqm.f.parentCode')} normalize={(v: string | undefined) => v ?? null}>
      <Select
        allowClear
        data-testid="fault-parent"
        options={groups.map((g) => ({ value: g.code, label: `${g.code} ${locale === 'zh-CN' ? g.nameZh : g.nameEn}` }))}
      />
    </Form.Item>
  );
}
