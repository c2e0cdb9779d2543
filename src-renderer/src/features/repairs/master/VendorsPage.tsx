import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Checkbox, Col, DatePicker, Form, Input, Row, Select, Switch, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useSession } from '../../../app/session';
import { DataGrid } from '../../../components/DataGrid';
import { FormModal } from '../../../components/FormModal';
import { HqOwnedNote } from '../../../components/HqOwnedNote';
import { call } from '../../../lib/api';
import { editColumn } from '../edit-column';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { useHqOwned } from '../../../lib/use-hq-owned';
import { money, moneySymbol } from '../../../lib/money';
import { parseYuan, PRICE_PATTERN, yuanText } from '../../../lib/money-entry';
import { categoryName, EDITORS, listText } from '../repair-format';

type Vendor = MethodOutput<'vendors.list'>[number];
type Cell = ICellRendererParams<Vendor>;

interface Values {
  code: string;
  name: string;
  contact?: string;
  phone?: string;
  email?: string;
  categories?: string[];
  contractNo?: string;
  contractStart?: Dayjs | null;
  contractEnd?: Dayjs | null;
  contractTerms?: string;
  hourlyRate?: string;
  active: boolean;
  note?: string;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Service vendors: who to call for which equipment, on what contract and at what rate. */
export function VendorsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [inactive, setInactive] = useState(false);
  const q = useQuery('vendors.list', { includeInactive: inactive });
  const pickers = useQuery('repairs.pickers', {});
  const [editing, setEditing] = useState<{ vendor: Vendor | null } | null>(null);
  const hq = useHqOwned();
  // Once enrolled, vendors are HQ's whole: nothing to add or edit here.
  const canEdit = can(EDITORS) && hq === null;

  const columns = useMemo<ColDef<Vendor>[]>(
    () => [
      { field: 'code', headerName: t('repairs.vendor.code'), width: 100, pinned: 'left' },
      { field: 'name', headerName: t('repairs.vendor.name'), width: 240 },
      { field: 'contact', headerName: t('repairs.vendor.contact'), width: 100 },
      { field: 'phone', headerName: t('repairs.vendor.phone'), width: 130 },
      {
        colId: 'categories',
        headerName: t('repairs.vendor.categories'),
        width: 200,
        valueGetter: (x) =>
          x.data &&
          listText(
            x.data.categories.map((c) => categoryName(t, c)),
            locale,
          ),
      },
      { field: 'contractNo', headerName: t('repairs.vendor.contractNo'), width: 140 },
      {
        colId: 'contract',
        headerName: t('repairs.vendor.contract'),
        width: 230,
        valueGetter: (x) => x.data && `${x.data.contractStart ?? ''} ~ ${x.data.contractEnd ?? ''}`,
        cellRenderer: (p: Cell) =>
          p.data && (
            <span>
              <Tag color={p.data.contractActive ? 'green' : 'red'}>
                {t(p.data.contractActive ? 'repairs.vendor.running' : 'repairs.vendor.expired')}
              </Tag>
              {p.value as string}
            </span>
          ),
      },
      {
        colId: 'hourlyRate',
        headerName: t('repairs.tech.rate'),
        width: 100,
        type: 'rightAligned',
        valueGetter: (x) => x.data?.hourlyRate,
        valueFormatter: (x) => (x.value ? money(x.value as number) : ''),
      },
      { field: 'openWorkOrders', headerName: t('repairs.f.openWos'), width: 100, filter: 'agNumberColumnFilter' },
      { field: 'contractTerms', headerName: t('repairs.vendor.terms'), width: 260 },
      editColumn<Vendor>(t, {
        canEdit,
        pinned: 'right',
        onEdit: (vendor) => setEditing({ vendor }),
        testId: (r) => `vendor-edit-${r.code}`,
      }),
    ],
    [t, locale, canEdit],
  );

  const v = editing?.vendor;
  const initial = useMemo<Partial<Values>>(
    () =>
      v
        ? {
            ...v,
            contractStart: v.contractStart ? dayjs(v.contractStart) : null,
            contractEnd: v.contractEnd ? dayjs(v.contractEnd) : null,
            hourlyRate: v.hourlyRate ? yuanText(v.hourlyRate) : '',
          }
        : { active: true, categories: [] },
    [v],
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('repairs.vendor.title')}
      </Typography.Title>
      {hq !== null && <HqOwnedNote hq={hq} detail={t('sync.hqOwned.vendors')} />}
      <DataGrid<Vendor>
        gridId="service-vendors"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="service-vendors"
        onRowDoubleClicked={canEdit ? (r) => setEditing({ vendor: r }) : undefined}
        toolbar={
          <>
            <Checkbox checked={inactive} onChange={(e) => setInactive(e.target.checked)}>
              {t('repairs.filter.inactiveVendors')}
            </Checkbox>
            {canEdit && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ vendor: null })}
                data-testid="vendor-add"
              >
                {t('repairs.vendor.add')}
              </Button>
            )}
          </>
        }
      />
      <FormModal<Values>
        open={editing !== null}
        title={v ? t('repairs.vendor.edit', { code: v.code }) : t('repairs.vendor.add')}
        initialValues={initial}
        width={760}
        size="small"
        onSubmit={async (x) => {
          await call('vendors.save', {
            id: v?.id ?? null,
            code: x.code,
            name: x.name,
            contact: x.contact ?? '',
            phone: x.phone ?? '',
            email: x.email ?? '',
            categories: x.categories ?? [],
            contractNo: x.contractNo ?? '',
            contractStart: day(x.contractStart),
            contractEnd: day(x.contractEnd),
            contractTerms: x.contractTerms ?? '',
            hourlyRate: x.hourlyRate ? (parseYuan(x.hourlyRate) ?? -1) : 0,
            active: x.active,
            note: x.note ?? '',
          });
          return t('common.saved');
        }}
        onClose={() => setEditing(null)}
        testId="vendor-form"
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="code"
              label={t('repairs.vendor.code')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input autoComplete="off" maxLength={32} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="name"
              label={t('repairs.vendor.name')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contact" label={t('repairs.vendor.contact')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phone" label={t('repairs.vendor.phone')}>
              <Input maxLength={40} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="email" label={t('repairs.vendor.email')}>
              <Input maxLength={120} inputMode="email" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="categories" label={t('repairs.vendor.categories')}>
              <Select
                mode="multiple"
                options={(pickers.data?.categories ?? []).map((c) => ({ value: c, label: categoryName(t, c) }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contractNo" label={t('repairs.vendor.contractNo')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contractStart" label={t('repairs.vendor.contractStart')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contractEnd" label={t('repairs.vendor.contractEnd')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="contractTerms" label={t('repairs.vendor.terms')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="hourlyRate"
              label={t('repairs.tech.rate')}
              rules={[{ pattern: PRICE_PATTERN, message: t('po.v.priceFormat') }]}
            >
              <Input prefix={moneySymbol()} inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="active" label={t('repairs.f.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="note" label={t('repairs.f.note')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </FormModal>
    </div>
  );
}
