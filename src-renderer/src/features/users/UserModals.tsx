import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import type { UserDto } from '../../../../src-shared/api/common';
import { ROLES, type Role } from '../../../../src-shared/roles';
import { CredentialFields } from '../../components/CredentialFields';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useMutation } from '../../lib/query';

interface Props {
  open: boolean;
  onClose(): void;
}

function useRoleOptions() {
  const { t } = useI18n();
  return ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
}

export function CreateUserModal({ open, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { mutate, pending } = useMutation('users.create');
  const roles = useRoleOptions();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const submit = async () => {
    const v = (await form.validateFields()) as {
      username: string;
      displayName: string;
      role: Role;
      authKind: 'pin' | 'password';
      secret: string;
    };
    try {
      const u = await mutate({
        username: v.username,
        displayName: v.displayName,
        role: v.role,
        authKind: v.authKind,
        secret: v.secret,
      });
      void message.success(t('users.created.toast', { username: u.username }));
      onClose();
    } catch (err) {
      showApiError(err, message, form);
    }
  };
  return (
    <Modal
      open={open}
      title={t('users.add')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={pending}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ role: 'clerk' }} data-testid="user-form">
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input data-testid="user-displayname" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')}>
          <Select options={roles} data-testid="user-role" />
        </Form.Item>
        <CredentialFields />
      </Form>
    </Modal>
  );
}

export function EditUserModal({ open, onClose, user }: Props & { user: UserDto | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { mutate, pending } = useMutation('users.update');
  const roles = useRoleOptions();
  useEffect(() => {
    if (open && user) form.setFieldsValue({ displayName: user.displayName, role: user.role });
  }, [open, user, form]);
  const submit = async () => {
    if (!user) return;
    const v = (await form.validateFields()) as { displayName: string; role: Role };
    try {
      await mutate({ id: user.id, displayName: v.displayName, role: v.role });
      void message.success(t('users.updated.toast', { username: user.username }));
      onClose();
    } catch (err) {
      showApiError(err, message, form);
    }
  };
  return (
    <Modal
      open={open}
      title={`${t('users.edit')}: ${user?.username ?? ''}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={pending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')}>
          <Select options={roles} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ResetSecretModal({ open, onClose, user }: Props & { user: UserDto | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { mutate, pending } = useMutation('users.resetSecret');
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const submit = async () => {
    if (!user) return;
    const v = (await form.validateFields()) as { authKind: 'pin' | 'password'; secret: string };
    try {
      await mutate({ id: user.id, authKind: v.authKind, secret: v.secret });
      void message.success(t('users.updated.toast', { username: user.username }));
      onClose();
    } catch (err) {
      showApiError(err, message, form);
    }
  };
  return (
    <Modal
      open={open}
      title={`${t('users.resetSecret')}: ${user?.username ?? ''}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={pending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <CredentialFields secretLabel={t('users.newSecret')} />
      </Form>
    </Modal>
  );
}
