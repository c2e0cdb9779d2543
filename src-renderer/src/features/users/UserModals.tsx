import { Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import type { UserDto } from '../../../../src-shared/api/common';
import { ROLES, type Role } from '../../../../src-shared/roles';
import { CredentialFields } from '../../components/CredentialFields';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../lib/i18n';
import { useMutation } from '../../lib/query';

interface Props {
  open: boolean;
  onClose(): void;
}

type Credential = { authKind: 'pin' | 'password'; secret: string };

function RoleField() {
  const { t } = useI18n();
  const options = useMemo(() => ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })), [t]);
  return (
    <Form.Item name="role" label={t('users.role')}>
      <Select options={options} data-testid="user-role" />
    </Form.Item>
  );
}

function DisplayNameField() {
  const { t } = useI18n();
  return (
    <Form.Item
      name="displayName"
      label={t('users.displayName')}
      rules={[{ required: true, message: t('validation.required') }]}
    >
      <Input data-testid="user-displayname" />
    </Form.Item>
  );
}

const CREATE_DEFAULTS = { role: 'clerk' as Role };

export function CreateUserModal({ open, onClose }: Props) {
  const { t } = useI18n();
  const { mutate } = useMutation('users.create');
  return (
    <FormModal<{ username: string; displayName: string; role: Role } & Credential>
      open={open}
      onClose={onClose}
      title={t('users.add')}
      okText={t('common.create')}
      initialValues={CREATE_DEFAULTS}
      testId="user-form"
      onSubmit={async (v) => {
        const u = await mutate({
          username: v.username,
          displayName: v.displayName,
          role: v.role,
          authKind: v.authKind,
          secret: v.secret,
        });
        return t('users.created.toast', { username: u.username });
      }}
    >
      <Form.Item
        name="username"
        label={t('users.username')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input autoComplete="off" data-testid="user-username" />
      </Form.Item>
      <DisplayNameField />
      <RoleField />
      <CredentialFields />
    </FormModal>
  );
}

export function EditUserModal({ open, onClose, user }: Props & { user: UserDto | null }) {
  const { t } = useI18n();
  const { mutate } = useMutation('users.update');
  const initial = useMemo(() => (user ? { displayName: user.displayName, role: user.role } : undefined), [user]);
  return (
    <FormModal<{ displayName: string; role: Role }>
      open={open}
      onClose={onClose}
      title={`${t('users.edit')}: ${user?.username ?? ''}`}
      initialValues={initial}
      onSubmit={async (v) => {
        await mutate({ id: user!.id, displayName: v.displayName, role: v.role });
        return t('users.updated.toast', { username: user!.username });
      }}
    >
      <DisplayNameField />
      <RoleField />
    </FormModal>
  );
}

export function ResetSecretModal({ open, onClose, user }: Props & { user: UserDto | null }) {
  const { t } = useI18n();
  const { mutate } = useMutation('users.resetSecret');
  return (
    <FormModal<Credential>
      open={open}
      onClose={onClose}
      title={`${t('users.resetSecret')}: ${user?.username ?? ''}`}
      onSubmit={async (v) => {
        await mutate({ id: user!.id, authKind: v.authKind, secret: v.secret });
        return t('users.updated.toast', { username: user!.username });
      }}
    >
      <CredentialFields secretLabel={t('users.newSecret')} />
    </FormModal>
  );
}
