import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { HqUserDto } from '../../../src-shared/hq-api/methods/users';
import type { HqRole } from '../../../src-shared/hq-api/roles';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation, useQuery } from '../lib/query';
import { hqTime } from '../lib/time';
import { regionName } from '../regions/region-name';
import { PasswordFields } from '../session/PasswordFields';
import { EditUserModal, ResetPasswordModal, roleOptions, ScopeModal } from './UserDialogs';

type Dialog = { kind: 'edit' | 'reset' | 'scope'; user: HqUserDto } | null;

/** HQ's staff, their roles and scopes (administrators only: the API refuses everyone else). */
export function UsersPage() {
  const { t, locale } = useI18n();
  const q = useQuery('users.list', {});
  const regions = useQuery('regions.list', {});
  const stores = useQuery('stores.list', {});
  const [adding, setAdding] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const columns = useMemo<ColDef<HqUserDto>[]>(() => {
    const regionById = new Map((regions.data ?? []).map((r) => [r.id, r]));
    const storeById = new Map((stores.data ?? []).map((s) => [s.id, s]));
    const scopeText = (u: HqUserDto) => {
      if (u.scope.kind === 'chain') return t('hq.scope.kind.chain');
      const names =
        u.scope.kind === 'regions'
          ? u.scope.regionIds.map((id) => {
              const r = regionById.get(id);
              return r ? regionName(r, locale) : id;
            })
          : u.scope.storeIds.map((id) => storeById.get(id)?.code ?? id);
      return `${t(`hq.scope.kind.${u.scope.kind}`)}: ${names.join(', ')}`;
    };
    return [
      { field: 'username', headerName: t('login.username'), width: 140, pinned: 'left' },
      { field: 'displayName', headerName: t('hq.users.f.displayName'), flex: 1, minWidth: 130 },
      {
        colId: 'role',
        headerName: t('hq.users.f.role'),
        width: 130,
        valueGetter: (p) => p.data && t(`hq.role.${p.data.role}`),
      },
      {
        colId: 'scope',
        headerName: t('hq.scope.f.kind'),
        flex: 1,
        minWidth: 160,
        valueGetter: (p) => p.data && scopeText(p.data),
      },
      {
        colId: 'lastLogin',
        headerName: t('hq.users.f.lastLogin'),
        width: 150,
        valueGetter: (p) => hqTime(p.data?.lastLoginAt),
      },
      {
        colId: 'status',
        headerName: t('items.f.status'),
        width: 120,
        valueGetter: (p) =>
          p.data &&
          t(
            p.data.disabled
              ? 'hq.users.disabled'
              : p.data.mustChangePassword
                ? 'hq.users.mustChangeTag'
                : 'hq.users.enabled',
          ),
        cellRenderer: (p: ICellRendererParams<HqUserDto>) =>
          p.data && (
            <Tag color={p.data.disabled ? 'default' : p.data.mustChangePassword ? 'orange' : 'green'}>
              {p.value as string}
            </Tag>
          ),
      },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        width: 230,
        sortable: false,
        filter: false,
        cellRenderer: (p: ICellRendererParams<HqUserDto>) =>
          p.data && (
            <Space size={4}>
              <Button
                size="small"
                type="link"
                onClick={() => setDialog({ kind: 'edit', user: p.data! })}
                data-testid={`user-edit-${p.data.username}`}
              >
                {t('common.edit')}
              </Button>
              <Button
                size="small"
                type="link"
                onClick={() => setDialog({ kind: 'scope', user: p.data! })}
                data-testid={`user-scope-${p.data.username}`}
              >
                {t('hq.scope.edit')}
              </Button>
              <Button
                size="small"
                type="link"
                onClick={() => setDialog({ kind: 'reset', user: p.data! })}
                data-testid={`user-reset-${p.data.username}`}
              >
                {t('hq.users.resetShort')}
              </Button>
            </Space>
          ),
      },
    ];
  }, [t, locale, regions.data, stores.data]);
  const pick = (kind: NonNullable<Dialog>['kind']) => (dialog?.kind === kind ? dialog.user : null);
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('hq.users.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('hq.users.roles')}</Typography.Paragraph>
      <DataGrid<HqUserDto>
        gridId="hq-users"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="hq-users"
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="user-add">
            {t('hq.users.add')}
          </Button>
        }
        height="calc(100vh - 250px)"
      />
      <NewUserModal open={adding} onClose={() => setAdding(false)} />
      <EditUserModal user={pick('edit')} onClose={() => setDialog(null)} />
      <ResetPasswordModal user={pick('reset')} onClose={() => setDialog(null)} />
      <ScopeModal user={pick('scope')} onClose={() => setDialog(null)} />
    </div>
  );
}

interface Values {
  username: string;
  displayName: string;
  role: HqRole;
  password: string;
  passwordAgain: string;
}

function NewUserModal(props: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const create = useMutation('users.create');
  const required = [{ required: true, message: t('validation.required') }];
  const initial = useMemo(() => ({ role: 'viewer' as const }), []);
  return (
    <FormModal<Values>
      open={props.open}
      title={t('hq.users.add')}
      initialValues={initial}
      onSubmit={async ({ passwordAgain: _again, ...v }) => {
        await create.mutate(v);
        return t('hq.users.created', { username: v.username });
      }}
      onClose={props.onClose}
      testId="user-form"
      okTestId="user-save"
    >
      <Form.Item name="username" label={t('login.username')} rules={required}>
        <Input autoComplete="off" data-testid="user-username" />
      </Form.Item>
      <Form.Item name="displayName" label={t('hq.users.f.displayName')} rules={required}>
        <Input data-testid="user-name" />
      </Form.Item>
      <Form.Item name="role" label={t('hq.users.f.role')} rules={required}>
        <Select options={roleOptions(t)} data-testid="user-role" />
      </Form.Item>
      <PasswordFields />
    </FormModal>
  );
}
