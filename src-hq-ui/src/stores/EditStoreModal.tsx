import { Form, Input } from 'antd';
import { useMemo } from 'react';
import type { StoreHealthDto } from '../../../src-shared/hq-api/methods/stores';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation } from '../lib/query';
import { RegionSelect } from '../regions/RegionSelect';

/** A store's name and region (its code stays: the store and its documents quote it). */
export function EditStoreModal(props: { store: StoreHealthDto; open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const update = useMutation('stores.update');
  const s = props.store;
  const initial = useMemo(() => ({ name: s.name, regionId: s.region?.id ?? null }), [s]);
  return (
    <FormModal<{ name: string; regionId: string | null }>
      open={props.open}
      title={t('hq.stores.edit', { code: s.code })}
      initialValues={initial}
      onSubmit={async (v) => {
        await update.mutate({ id: s.id, name: v.name, regionId: v.regionId ?? null });
        return t('hq.stores.saved', { code: s.code });
      }}
      onClose={props.onClose}
      testId="store-edit-form"
      okTestId="store-edit-save"
    >
      <Form.Item
        name="name"
        label={t('hq.stores.f.name')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input maxLength={200} data-testid="store-edit-name" />
      </Form.Item>
      <Form.Item name="regionId" label={t('hq.stores.f.region')}>
        <RegionSelect testId="store-edit-region" />
      </Form.Item>
    </FormModal>
  );
}
