import { App, Button, Checkbox, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import { hqApi } from '../../../src-shared/hq-api';
import type { HqBarcodeDto, HqItemUnitDto } from '../../../src-shared/hq-api/methods/master-data';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { showApiError } from '../../../src-renderer/src/lib/form-errors';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation, useQuery } from '../lib/query';
import { useSession } from '../lib/session';
import { MasterGrid } from './MasterGrid';

/** An item's purchase and count units (factor in thousandths of its base unit) and its barcodes. */
export function UnitsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { modal, message } = App.useApp();
  const items = useQuery('items.list', { search: '' });
  const [itemId, setItemId] = useState<string | null>(null);
  const q = useQuery('master.units.list', { itemId: itemId ?? '' }, { enabled: itemId !== null });
  const saveUnit = useMutation('master.units.save');
  const saveCode = useMutation('master.barcodes.save');
  const removeCode = useMutation('master.barcodes.remove');
  const [unit, setUnit] = useState<{ row: HqItemUnitDto | null } | null>(null);
  const [code, setCode] = useState<{ row: HqBarcodeDto | null } | null>(null);
  const item = items.data?.find((i) => i.id === itemId) ?? null;
  const canEdit = can(hqApi['master.units.save'].access) && item !== null;
  const required = [{ required: true, message: t('validation.required') }];
  const yes = useCallback((v: boolean) => t(v ? 'common.yes' : 'common.no'), [t]);

  const unitColumns = useMemo<ColDef<HqItemUnitDto>[]>(
    () => [
      { field: 'unit', headerName: t('hqm.f.unit'), width: 120 },
      { field: 'factor', headerName: t('hqm.f.factor', { base: item?.baseUnit ?? '' }), flex: 1 },
      {
        colId: 'purchase',
        headerName: t('hqm.f.purchase'),
        width: 120,
        valueGetter: (p) => p.data && yes(p.data.purchase),
      },
      { colId: 'count', headerName: t('hqm.f.count'), width: 120, valueGetter: (p) => p.data && yes(p.data.count) },
    ],
    [t, item, yes],
  );
  const codeColumns = useMemo<ColDef<HqBarcodeDto>[]>(
    () => [
      { field: 'barcode', headerName: t('hqm.f.barcode'), flex: 1 },
      { field: 'unit', headerName: t('hqm.f.unit'), width: 120 },
      {
        colId: 'remove',
        headerName: '',
        width: 90,
        cellRenderer: (p: ICellRendererParams<HqBarcodeDto>) =>
          p.data &&
          canEdit && (
            <Button
              size="small"
              danger
              type="link"
              onClick={() =>
                modal.confirm({
                  content: t('hqm.units.removeConfirm', { barcode: p.data!.barcode }),
                  onOk: async () => {
                    try {
                      await removeCode.mutate({ barcode: p.data!.barcode });
                    } catch (err) {
                      showApiError(err, message);
                    }
                  },
                })
              }
            >
              {t('hqm.units.remove')}
            </Button>
          ),
      },
    ],
    [t, canEdit, modal, message, removeCode],
  );
  const unitInitial = useMemo(() => unit?.row ?? { purchase: true, count: false }, [unit]);
  const codeInitial = useMemo(() => code?.row ?? { unit: '' }, [code]);
  const picker = (
    <Select
      showSearch
      optionFilterProp="label"
      placeholder={t('hqm.units.pickItem')}
      style={{ width: 280 }}
      value={itemId ?? undefined}
      onChange={setItemId}
      data-testid="units-item"
      options={(items.data ?? []).map((i) => ({
        value: i.id,
        label: `${i.code} ${locale === 'zh-CN' ? i.nameZh : i.nameEn}`,
      }))}
    />
  );
  return (
    <>
      <MasterGrid<HqItemUnitDto>
        title="hqm.nav.units"
        gridId="hq-units"
        rows={itemId ? q.data?.units : []}
        loading={q.loading}
        columns={unitColumns}
        getRowId={(x) => x.unit}
        canEdit={canEdit}
        addLabel="hqm.units.addUnit"
        onAdd={() => setUnit({ row: null })}
        onEdit={useCallback((row: HqItemUnitDto) => setUnit({ row }), [])}
        history={useCallback(
          (x: HqItemUnitDto) => ({ table: 'item_units', key: { item_id: x.itemId, unit: x.unit }, name: x.unit }),
          [],
        )}
        toolbar={
          <>
            {picker}
            {item && (
              <Typography.Text type="secondary">{t('hqm.units.baseUnit', { unit: item.baseUnit })}</Typography.Text>
            )}
          </>
        }
        height="calc(50vh - 140px)"
      />
      <MasterGrid<HqBarcodeDto>
        title="hqm.units.barcodes"
        gridId="hq-barcodes"
        rows={itemId ? q.data?.barcodes : []}
        loading={q.loading}
        columns={codeColumns}
        getRowId={(x) => x.barcode}
        canEdit={canEdit}
        addLabel="hqm.units.addBarcode"
        onAdd={() => setCode({ row: null })}
        onEdit={useCallback((row: HqBarcodeDto) => setCode({ row }), [])}
        history={useCallback(
          (x: HqBarcodeDto) => ({ table: 'item_barcodes', key: { barcode: x.barcode }, name: x.barcode }),
          [],
        )}
        height="calc(50vh - 140px)"
      />
      <FormModal<Omit<HqItemUnitDto, 'itemId'>>
        open={unit !== null}
        title={unit?.row ? `${t('hqm.edit')} ${unit.row.unit}` : t('hqm.units.addUnit')}
        initialValues={unitInitial}
        onSubmit={async (v) => {
          await saveUnit.mutate({ ...v, itemId: itemId! });
          return t('hq.master.saved');
        }}
        onClose={() => setUnit(null)}
        testId="unit-form"
        okTestId="unit-save"
      >
        <Form.Item name="unit" label={t('hqm.f.unit')} rules={required}>
          <Input maxLength={10} disabled={!!unit?.row} />
        </Form.Item>
        <Form.Item name="factor" label={t('hqm.f.factor', { base: item?.baseUnit ?? '' })} rules={required}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="unit-factor" />
        </Form.Item>
        <Form.Item name="purchase" valuePropName="checked" noStyle>
          <Checkbox>{t('hqm.f.purchase')}</Checkbox>
        </Form.Item>{' '}
        <Form.Item name="count" valuePropName="checked" noStyle>
          <Checkbox>{t('hqm.f.count')}</Checkbox>
        </Form.Item>
      </FormModal>
      <FormModal<Omit<HqBarcodeDto, 'itemId'>>
        open={code !== null}
        title={code?.row ? `${t('hqm.edit')} ${code.row.barcode}` : t('hqm.units.addBarcode')}
        initialValues={codeInitial}
        onSubmit={async (v) => {
          await saveCode.mutate({ ...v, itemId: itemId!, create: !code?.row });
          return t('hq.master.saved');
        }}
        onClose={() => setCode(null)}
        testId="barcode-form"
        okTestId="barcode-save"
      >
        <Form.Item name="barcode" label={t('hqm.f.barcode')} rules={required}>
          <Input maxLength={32} disabled={!!code?.row} />
        </Form.Item>
        <Form.Item name="unit" label={t('hqm.f.unit')}>
          <Select
            allowClear
            options={[
              { value: '', label: item?.baseUnit ?? '' },
              ...(q.data?.units ?? []).map((u) => ({ value: u.unit, label: u.unit })),
            ]}
          />
        </Form.Item>
      </FormModal>
    </>
  );
}
