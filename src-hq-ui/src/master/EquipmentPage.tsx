import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { hqApi } from '../../../src-shared/hq-api';
import type { HqEquipmentDto } from '../../../src-shared/hq-api/methods/master-data';
import { CRITICALITIES } from '../../../src-shared/repairs/settings';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation, useQuery } from '../lib/query';
import { useSession } from '../lib/session';
import { activeColumn, MasterGrid } from './MasterGrid';

type Values = Omit<HqEquipmentDto, 'id'>;

/** The equipment registry of the stores in the user's scope; each piece belongs to one store and goes only there. */
export function EquipmentPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const q = useQuery('master.equipment.list', {});
  const stores = useQuery('stores.list', {});
  const vendors = useQuery('master.vendors.list', {});
  const save = useMutation('master.equipment.save');
  const [editing, setEditing] = useState<{ row: HqEquipmentDto | null } | null>(null);
  const storeName = useMemo(
    () => new Map((stores.data ?? []).map((s) => [s.id, `${s.code} ${s.name}`])),
    [stores.data],
  );
  const columns = useMemo(
    () => [
      { field: 'code' as const, headerName: t('hqm.f.code'), width: 130 },
      { field: 'name' as const, headerName: t('hqm.f.name'), flex: 1, minWidth: 150 },
      { field: 'category' as const, headerName: t('hqm.f.category'), width: 140 },
      {
        colId: 'store',
        headerName: t('hqm.f.store'),
        width: 170,
        valueGetter: (p: { data?: HqEquipmentDto }) =>
          p.data && (storeName.get(p.data.storeId ?? '') ?? p.data.storeId),
      },
      {
        colId: 'criticality',
        headerName: t('hqm.f.criticality'),
        width: 100,
        valueGetter: (p: { data?: HqEquipmentDto }) => p.data && t(`hqm.crit.${p.data.criticality}`),
      },
      activeColumn<HqEquipmentDto>(t),
    ],
    [t, storeName],
  );
  const required = [{ required: true, message: t('validation.required') }];
  const r = editing?.row ?? null;
  const initial = useMemo<Partial<Values>>(() => r ?? { criticality: 'medium', active: true, vendorId: null }, [r]);
  return (
    <>
      <MasterGrid<HqEquipmentDto>
        title="hqm.nav.equipment"
        gridId="hq-equipment"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(x) => x.id}
        canEdit={can(hqApi['master.equipment.save'].access)}
        addLabel="hqm.equipment.add"
        onAdd={() => setEditing({ row: null })}
        onEdit={useCallback((row: HqEquipmentDto) => setEditing({ row }), [])}
        history={useCallback(
          (x: HqEquipmentDto) => ({ table: 'equipment', key: { id: x.id }, name: `${x.code} ${x.name}` }),
          [],
        )}
      />
      <FormModal<Values>
        open={editing !== null}
        title={r ? `${t('hqm.edit')} ${r.code}` : t('hqm.equipment.add')}
        initialValues={initial}
        width={640}
        onSubmit={async (v) => {
          await save.mutate({
            ...v,
            storeId: v.storeId ?? '',
            vendorId: v.vendorId ?? null,
            installDay: v.installDay || null,
            warrantyEnd: v.warrantyEnd || null,
            id: r?.id,
          });
          return t('hq.master.saved');
        }}
        onClose={() => setEditing(null)}
        testId="equipment-form"
        okTestId="equipment-save"
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="code" label={t('hqm.f.code')} rules={required}>
              <Input maxLength={40} data-testid="equipment-code" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label={t('hqm.f.name')} rules={required}>
              <Input maxLength={200} data-testid="equipment-name" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="storeId" label={t('hqm.f.store')} rules={required}>
              <Select
                showSearch
                optionFilterProp="label"
                data-testid="equipment-store"
                options={(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="category" label={t('hqm.f.category')} rules={required}>
              <Input maxLength={40} placeholder="refrigeration" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="make" label={t('hqm.f.make')}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="model" label={t('hqm.f.model')}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="serialNo" label={t('hqm.f.serialNo')}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="vendorId" label={t('hqm.f.vendor')}>
              <Select
                allowClear
                options={(vendors.data ?? []).map((v) => ({ value: v.id, label: `${v.code} ${v.name}` }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="criticality" label={t('hqm.f.criticality')}>
              <Select
                data-testid="equipment-criticality"
                options={CRITICALITIES.map((c) => ({ value: c, label: t(`hqm.crit.${c}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="installDay" label={t('hqm.f.installDay')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="warrantyEnd" label={t('hqm.f.warrantyEnd')}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="active" valuePropName="checked" noStyle>
          <Checkbox>{t('hqm.f.active')}</Checkbox>
        </Form.Item>
      </FormModal>
    </>
  );
}
