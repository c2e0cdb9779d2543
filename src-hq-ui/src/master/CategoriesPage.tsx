import { Form, Input, InputNumber } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { hqApi } from '../../../src-shared/hq-api';
import type { HqCategoryDto } from '../../../src-shared/hq-api/methods/master-data';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation, useQuery } from '../lib/query';
import { useSession } from '../lib/session';
import { MasterGrid } from './MasterGrid';

/** Item categories: the grouping every store's item lists, counts and reports use. */
export function CategoriesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const q = useQuery('master.categories.list', {});
  const save = useMutation('master.categories.save');
  const [editing, setEditing] = useState<{ row: HqCategoryDto | null } | null>(null);
  const columns = useMemo(
    () => [
      { field: 'code' as const, headerName: t('hqm.f.code'), width: 140 },
      { field: 'nameZh' as const, headerName: t('hqm.f.nameZh'), flex: 1 },
      { field: 'nameEn' as const, headerName: t('hqm.f.nameEn'), flex: 1 },
      { field: 'sortOrder' as const, headerName: t('hqm.f.sortOrder'), width: 110 },
    ],
    [t],
  );
  const required = [{ required: true, message: t('validation.required') }];
  const r = editing?.row ?? null;
  const initial = useMemo(() => r ?? { sortOrder: 0 }, [r]);
  return (
    <>
      <MasterGrid<HqCategoryDto>
        title="hqm.nav.categories"
        gridId="hq-categories"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(x) => x.id}
        canEdit={can(hqApi['master.categories.save'].access)}
        addLabel="hqm.categories.add"
        onAdd={() => setEditing({ row: null })}
        onEdit={useCallback((row: HqCategoryDto) => setEditing({ row }), [])}
        history={useCallback((x: HqCategoryDto) => ({ table: 'item_categories', key: { id: x.id }, name: x.code }), [])}
      />
      <FormModal<Omit<HqCategoryDto, 'id'>>
        open={editing !== null}
        title={r ? `${t('hqm.edit')} ${r.code}` : t('hqm.categories.add')}
        initialValues={initial}
        onSubmit={async (v) => {
          await save.mutate({ ...v, id: r?.id });
          return t('hq.master.saved');
        }}
        onClose={() => setEditing(null)}
        testId="category-form"
        okTestId="category-save"
      >
        <Form.Item name="code" label={t('hqm.f.code')} rules={required}>
          <Input maxLength={40} disabled={!!r} data-testid="category-code" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('hqm.f.nameZh')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('hqm.f.nameEn')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('hqm.f.sortOrder')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
