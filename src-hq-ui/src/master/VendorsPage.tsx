import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { hqApi } from '../../../src-shared/hq-api';
import type { HqVendorDto } from '../../../src-shared/hq-api/methods/master-data';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { money, moneySymbol } from '../../../src-renderer/src/lib/money';
import { parseYuan, PRICE_PATTERN, yuanText } from '../../../src-renderer/src/lib/money-entry';
import { useMutation, useQuery } from '../lib/query';
import { useSession } from '../lib/session';
import { activeColumn, MasterGrid } from './MasterGrid';

type Values = Omit<HqVendorDto, 'id' | 'hourlyRate'> & { hourlyRate: string };

/** Service vendors the stores call for repairs, with the equipment categories they cover and their rate. */
export function VendorsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const q = useQuery('master.vendors.list', {});
  const save = useMutation('master.vendors.save');
  const [editing, setEditing] = useState<{ row: HqVendorDto | null } | null>(null);
  const columns = useMemo(
    () => [
      { field: 'code' as const, headerName: t('hqm.f.code'), width: 120 },
      { field: 'name' as const, headerName: t('hqm.f.name'), flex: 1, minWidth: 150 },
      { field: 'contact' as const, headerName: t('hqm.f.contact'), width: 110 },
      { field: 'phone' as const, headerName: t('hqm.f.phone'), width: 130 },
      {
        colId: 'categories',
        headerName: t('hqm.f.categories'),
        width: 180,
        valueGetter: (p: { data?: HqVendorDto }) => p.data?.categories.join(', '),
      },
      {
        colId: 'hourlyRate',
        headerName: t('hqm.f.hourlyRate', { currency: moneySymbol() }),
        width: 130,
        valueGetter: (p: { data?: HqVendorDto }) => p.data && money(p.data.hourlyRate),
      },
      activeColumn<HqVendorDto>(t),
    ],
    [t],
  );
  const required = [{ required: true, message: t('validation.required') }];
  const r = editing?.row ?? null;
  const initial = useMemo<Partial<Values>>(
    () => (r ? { ...r, hourlyRate: yuanText(r.hourlyRate) } : { categories: [], active: true, hourlyRate: '0' }),
    [r],
  );
  return (
    <>
      <MasterGrid<HqVendorDto>
        title="hqm.nav.vendors"
        gridId="hq-vendors"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(x) => x.id}
        canEdit={can(hqApi['master.vendors.save'].access)}
        addLabel="hqm.vendors.add"
        onAdd={() => setEditing({ row: null })}
        onEdit={useCallback((row: HqVendorDto) => setEditing({ row }), [])}
        history={useCallback((x: HqVendorDto) => ({ table: 'service_vendors', key: { id: x.id }, name: x.name }), [])}
      />
      <FormModal<Values>
        open={editing !== null}
        title={r ? `${t('hqm.edit')} ${r.code}` : t('hqm.vendors.add')}
        initialValues={initial}
        onSubmit={async (v) => {
          await save.mutate({ ...v, hourlyRate: parseYuan(v.hourlyRate) ?? -1, id: r?.id });
          return t('hq.master.saved');
        }}
        onClose={() => setEditing(null)}
        testId="vendor-form"
        okTestId="vendor-save"
      >
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="code" label={t('hqm.f.code')} rules={required}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="name" label={t('hqm.f.name')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="contact" label={t('hqm.f.contact')}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phone" label={t('hqm.f.phone')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="email" label={t('hqm.f.email')}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="categories" label={t('hqm.f.categories')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} />
        </Form.Item>
        <Form.Item
          name="hourlyRate"
          label={t('hqm.f.hourlyRate', { currency: moneySymbol() })}
          rules={[{ pattern: PRICE_PATTERN, message: t('hq.catalogue.priceFormat') }]}
        >
          <Input inputMode="decimal" prefix={moneySymbol()} />
        </Form.Item>
        <Form.Item name="note" label={t('hqm.f.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        <Form.Item name="active" valuePropName="checked" noStyle>
          <Checkbox>{t('hqm.f.active')}</Checkbox>
        </Form.Item>
      </FormModal>
    </>
  );
}
