import { Form, Input } from 'antd';
import { RegionSelect } from '../regions/RegionSelect';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation } from '../lib/query';
import type { IssuedCode } from './EnrollmentCodeModal';

interface Values {
  code: string;
  name: string;
  regionId?: string | null;
}

/** A new store at HQ: its code, name and region; what comes back is its one-time enrollment code. */
export function CreateStoreModal(props: { open: boolean; onClose(): void; onCreated(issued: IssuedCode): void }) {
  const { t } = useI18n();
  const create = useMutation('stores.create');
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal<Values>
      open={props.open}
      title={t('hq.stores.add')}
      okText={t('hq.stores.createOk')}
      onSubmit={async (v) => props.onCreated(await create.mutate({ ...v, regionId: v.regionId ?? null }))}
      onClose={props.onClose}
      testId="store-form"
      okTestId="store-save"
    >
      <Form.Item name="code" label={t('hq.stores.f.code')} rules={required} extra={t('hq.stores.codeHelp')}>
        <Input autoFocus maxLength={40} data-testid="store-code" />
      </Form.Item>
      <Form.Item name="name" label={t('hq.stores.f.name')} rules={required}>
        <Input maxLength={200} data-testid="store-name" />
      </Form.Item>
      <Form.Item name="regionId" label={t('hq.stores.f.region')}>
        <RegionSelect testId="store-region" />
      </Form.Item>
    </FormModal>
  );
}
