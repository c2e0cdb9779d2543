import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { hqApi } from '../../../src-shared/hq-api';
import type { StoreHealthDto } from '../../../src-shared/hq-api/methods/stores';
import { showApiError } from '../../../src-renderer/src/lib/form-errors';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation } from '../lib/query';
import { useSession } from '../lib/session';
import { EditStoreModal } from './EditStoreModal';
import { EnrollmentCodeModal, type IssuedCode } from './EnrollmentCodeModal';

/**
 * A new one-time code (the old one stops working) and revoking, each after
 * a confirmation saying what it does; shown only to roles the API lets do
 * it, and not for a revoked store (HQ issues it nothing more).
 */
export function StoreActions({ store }: { store: StoreHealthDto }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const { can } = useSession();
  const newCode = useMutation('stores.newCode');
  const revoke = useMutation('stores.revoke');
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const [editing, setEditing] = useState(false);
  if (store.status === 'revoked') return null;

  const askNewCode = () =>
    modal.confirm({
      title: t('hq.stores.newCodeConfirm', { code: store.code }),
      content: t('hq.stores.newCodeHelp'),
      okText: t('hq.stores.newCode'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'new-code-ok' },
      onOk: () => newCode.mutate({ id: store.id }).then(setIssued, (err: unknown) => showApiError(err, message)),
    });
  const askRevoke = () =>
    modal.confirm({
      title: t('hq.stores.revokeConfirm', { code: store.code, name: store.name }),
      content: t('hq.stores.revokeHelp'),
      okText: t('hq.stores.revoke'),
      okButtonProps: { danger: true, 'data-testid': 'revoke-ok' },
      cancelText: t('common.cancel'),
      onOk: () =>
        revoke.mutate({ id: store.id }).then(
          () => void message.success(t('hq.stores.revoked', { code: store.code })),
          (err: unknown) => showApiError(err, message),
        ),
    });

  return (
    <Space>
      {can(hqApi['stores.update'].access) && (
        <Button onClick={() => setEditing(true)} data-testid="store-edit">
          {t('common.edit')}
        </Button>
      )}
      {can(hqApi['stores.newCode'].access) && (
        <Button onClick={askNewCode} data-testid="store-new-code">
          {t('hq.stores.newCode')}
        </Button>
      )}
      {can(hqApi['stores.revoke'].access) && (
        <Button danger onClick={askRevoke} data-testid="store-revoke">
          {t('hq.stores.revoke')}
        </Button>
      )}
      <EnrollmentCodeModal issued={issued} onClose={() => setIssued(null)} />
      <EditStoreModal store={store} open={editing} onClose={() => setEditing(false)} />
    </Space>
  );
}
