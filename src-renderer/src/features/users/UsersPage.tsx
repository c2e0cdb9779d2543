import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { App, Button, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { UserDto } from '../../../../src-shared/api/common';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { showApiError } from '../../lib/form-errors';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMutation, useQuery } from '../../lib/query';
import { CreateUserModal, EditUserModal, ResetSecretModal } from './UserModals';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset'; user: UserDto } | null;

export function UsersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { session } = useSession();
  const tz = session.store?.timezone;
  const users = useQuery('users.list', {});
  const update = useMutation('users.update');
  const unlock = useMutation('users.unlock');
  const [dialog, setDialog] = useState<Dialog>(null);

  const columns = useMemo<ColDef<UserDto>[]>(() => {
    const locked = (u: UserDto) => !!u.lockedUntil && Date.parse(u.lockedUntil) > Date.now();
    const status = (u: UserDto) =>
      u.disabled ? t('users.disabled') : locked(u) ? t('users.locked') : t('users.active');
    const act = async (fn: () => Promise<unknown>) => {
      try {
        await fn();
        void message.success(t('common.saved'));
      } catch (err) {
        showApiError(err, message);
      }
    };
    return [
      { field: 'username', headerName: t('users.username'), width: 140 },
      { field: 'displayName', headerName: t('users.displayName'), width: 140 },
      {
        colId: 'role',
        headerName: t('users.role'),
        width: 130,
        valueGetter: (p) => p.data && t(`role.${p.data.role}`),
      },
      {
        colId: 'authKind',
        headerName: t('users.authKind'),
        width: 110,
        valueGetter: (p) => p.data && t(p.data.authKind === 'pin' ? 'setup.pin' : 'setup.password'),
      },
      {
        colId: 'status',
        headerName: t('users.status'),
        width: 110,
        valueGetter: (p) => p.data && status(p.data),
        cellRenderer: (p: ICellRendererParams<UserDto>) =>
          p.data && <Tag color={p.data.disabled ? 'default' : locked(p.data) ? 'red' : 'green'}>{status(p.data)}</Tag>,
      },
      {
        colId: 'lastLogin',
        headerName: t('users.lastLogin'),
        width: 150,
        valueGetter: (p) => formatStoreTime(p.data?.lastLoginAt, tz),
      },
      {
        colId: 'created',
        headerName: t('users.created'),
        width: 150,
        valueGetter: (p) => formatStoreTime(p.data?.createdAt, tz),
      },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        sortable: false,
        filter: false,
        width: 420,
        pinned: 'right',
        cellRenderer: (p: ICellRendererParams<UserDto>) => {
          const u = p.data;
          if (!u) return null;
          return (
            <Space size={4}>
              <Button size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>
                {t('common.edit')}
              </Button>
              <Button size="small" onClick={() => setDialog({ kind: 'reset', user: u })}>
                {t('users.resetSecret')}
              </Button>
              {locked(u) && (
                <Button
                  size="small"
                  onClick={() => void act(() => unlock.mutate({ id: u.id }))}
                  data-testid={`unlock-${u.username}`}
                >
                  {t('users.unlock')}
                </Button>
              )}
              <Button
                size="small"
                danger={!u.disabled}
                onClick={() => void act(() => update.mutate({ id: u.id, disabled: !u.disabled }))}
                data-testid={`toggle-${u.username}`}
              >
                {u.disabled ? t('users.enable') : t('users.disable')}
              </Button>
            </Space>
          );
        },
      },
    ];
  }, [t, tz, message, unlock, update]);

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('users.title')}
      </Typography.Title>
      <DataGrid<UserDto>
        gridId="users"
        rows={users.data}
        loading={users.loading}
        columns={columns}
        getRowId={(u) => u.id}
        exportName="users"
        onRowDoubleClicked={(u) => setDialog({ kind: 'edit', user: u })}
        toolbar={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="add-user"
          >
            {t('users.add')}
          </Button>
        }
      />
      <CreateUserModal open={dialog?.kind === 'create'} onClose={() => setDialog(null)} />
      <EditUserModal
        open={dialog?.kind === 'edit'}
        user={dialog && dialog.kind !== 'create' ? dialog.user : null}
        onClose={() => setDialog(null)}
      />
      <ResetSecretModal
        open={dialog?.kind === 'reset'}
        user={dialog && dialog.kind !== 'create' ? dialog.user : null}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}
