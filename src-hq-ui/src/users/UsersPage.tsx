import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Form, Input, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { HqUserDto } from '../../../src-shared/hq-api/methods/session';
import { HQ_ROLES, type HqRole } from '../../../src-shared/hq-api/roles';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation, useQuery } from '../lib/query';
import { hqTime } from '../lib/time';
import { PasswordFields } from '../session/PasswordFields';

/** HQ's staff and their roles (administrators only: the API refuses everyone else). */
export function UsersPage() {
  const { t } = useI18n();
  const q = useQuery('users.list', {});
  const [adding, setAdding] = useState(false);
  const columns = useMemo<ColDef<HqUserDto>[]>(
    () => [
      { field: 'username', headerName: t('login.username'), width: 150, pinned: 'left' },
      { field: 'displayName', headerName: t('hq.users.f.displayName'), flex: 1, minWidth: 150 },
      {
        colId: 'role',
        headerName: t('hq.users.f.role'),
        width: 150,
        valueGetter: (p) => p.data && t(`hq.role.${p.data.role}`),
      },
      {
        colId: 'lastLogin',
        headerName: t('hq.users.f.lastLogin'),
        width: 160,
        valueGetter: (p) => hqTime(p.data?.lastLoginAt),
      },
      {
        colId: 'status',
        headerName: t('items.f.status'),
        width: 100,
        valueGetter: (p) => p.data && t(p.data.disabled ? 'hq.users.disabled' : 'hq.users.enabled'),
        cellRenderer: (p: ICellRendererParams<HqUserDto>) =>
          p.data && <Tag color={p.data.disabled ? 'default' : 'green'}>{p.value as string}</Tag>,
      },
    ],
    [t],
  );
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
        <Select options={HQ_ROLES.map((r) => ({ value: r, label: t(`hq.role.${r}`) }))} data-testid="user-role" />
      </Form.Item>
      <PasswordFields />
    </FormModal>
  );
}
