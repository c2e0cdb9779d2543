import { Alert, Descriptions, Input, Modal, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { ApiError } from '../../../../src-shared/errors';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMutation } from '../../lib/query';

type Check = MethodOutput<'system.restoreCheck'>;

/**
 * Restoring a backup: the backend copies and checks it first, the admin sees
 * what it holds and types its store code, then the store database is replaced
 * and everyone (this window too) goes back to the sign-in screen.
 */
export function RestoreDialog({ backup, tz, onClose }: { backup: string; tz?: string; onClose(): void }) {
  const { t } = useI18n();
  const check = useMutation('system.restoreCheck');
  const restore = useMutation('system.restore');
  const [checked, setChecked] = useState<Check | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');

  const runCheck = check.mutate;
  useEffect(() => {
    let live = true;
    runCheck({ backup }).then(
      (c) => live && setChecked(c),
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [backup, runCheck]);

  const confirm = async () => {
    if (!checked) return;
    setError(null);
    try {
      await restore.mutate({ stagingId: checked.stagingId, confirm: typed });
      // The backend has signed every session out: the app shows the sign-in screen with the reason.
      onClose();
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const c = checked?.contents;
  return (
    <Modal
      open
      title={t('system.restore.title')}
      width={640}
      onCancel={onClose}
      okText={t('system.restore.confirm')}
      okButtonProps={{ danger: true, disabled: !c || typed.trim() !== c.storeCode, 'data-testid': 'restore-confirm' }}
      confirmLoading={restore.pending}
      onOk={() => void confirm()}
      maskClosable={false}
      data-testid="restore-dialog"
    >
      <Alert type="warning" showIcon title={t('system.restore.hint')} style={{ marginBottom: 12 }} />
      {!c && !error && <Spin tip={t('system.restore.checking')}>{<div style={{ height: 80 }} />}</Spin>}
      {c && checked && (
        <>
          <Typography.Title level={5}>{t('system.restore.contents')}</Typography.Title>
          <Descriptions size="small" bordered column={1} data-testid="restore-contents">
            <Descriptions.Item label={t('system.restore.file')}>{checked.backup}</Descriptions.Item>
            <Descriptions.Item label={t('system.restore.store')}>
              {c.storeCode} {c.storeName}
            </Descriptions.Item>
            <Descriptions.Item label={t('system.restore.lastChange')}>
              {c.lastChangeAt ? formatStoreTime(c.lastChangeAt, tz) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('system.restore.schemaVersion')}>
              {c.schemaVersion < c.appSchemaVersion
                ? t('system.restore.schemaOlder', { schema: c.schemaVersion, known: c.appSchemaVersion })
                : c.schemaVersion}
            </Descriptions.Item>
            <Descriptions.Item label={t('system.restore.counts')}>
              {[c.users, c.items, c.movements, c.auditEntries].map((n) => n.toLocaleString()).join(' / ')}
            </Descriptions.Item>
          </Descriptions>
          {checked.currentStore.code !== c.storeCode && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              title={t('system.restore.otherStore', {
                code: c.storeCode,
                name: c.storeName,
                currentCode: checked.currentStore.code,
                currentName: checked.currentStore.name,
              })}
            />
          )}
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }}>
            {t('system.restore.confirmLabel', { code: c.storeCode })}
          </Typography.Paragraph>
          <Input
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder={c.storeCode}
            autoComplete="off"
            data-testid="restore-typed"
          />
        </>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="restore-error" />}
    </Modal>
  );
}

function messageOf(err: unknown): string {
  if (!(err instanceof ApiError)) throw err;
  return err.data.fields?.length ? err.data.fields.map((f) => f.message).join(' ') : err.message;
}
