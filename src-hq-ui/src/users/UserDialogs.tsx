import { Form, Input, Radio, Select, Switch } from 'antd';
import { useMemo } from 'react';
import type { HqScopeDto, HqUserDto } from '../../../src-shared/hq-api/methods/users';
import { HQ_ROLES, type HqRole } from '../../../src-shared/hq-api/roles';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation, useQuery } from '../lib/query';
import { RegionSelect } from '../regions/RegionSelect';
import { PasswordFields } from '../session/PasswordFields';

export const roleOptions = (t: ReturnType<typeof useI18n>['t']) =>
  HQ_ROLES.map((r) => ({ value: r, label: t(`hq.role.${r}`) }));

interface EditValues {
  displayName: string;
  role: HqRole;
  active: boolean;
}

/** Display name, role and whether the user may sign in (the API keeps the last administrator and oneself safe). */
export function EditUserModal({ user, onClose }: { user: HqUserDto | null; onClose(): void }) {
  const { t } = useI18n();
  const update = useMutation('users.update');
  const initial = useMemo(
    () => user && { displayName: user.displayName, role: user.role, active: !user.disabled },
    [user],
  );
  return (
    <FormModal<EditValues>
      open={!!user}
      title={t('hq.users.edit', { username: user?.username ?? '' })}
      initialValues={initial ?? undefined}
      onSubmit={async (v) => {
        await update.mutate({ id: user!.id, displayName: v.displayName, role: v.role, disabled: !v.active });
        return t('hq.users.saved', { username: user!.username });
      }}
      onClose={onClose}
      testId="user-edit-form"
      okTestId="user-edit-save"
    >
      <Form.Item
        name="displayName"
        label={t('hq.users.f.displayName')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input data-testid="user-edit-name" />
      </Form.Item>
      <Form.Item name="role" label={t('hq.users.f.role')}>
        <Select options={roleOptions(t)} data-testid="user-edit-role" />
      </Form.Item>
      <Form.Item name="active" label={t('hq.users.f.active')} valuePropName="checked" extra={t('hq.users.activeHelp')}>
        <Switch data-testid="user-edit-active" />
      </Form.Item>
    </FormModal>
  );
}

/** A temporary password to hand over: the user's sessions end and they choose their own at the next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: HqUserDto | null; onClose(): void }) {
  const { t } = useI18n();
  const reset = useMutation('users.resetPassword');
  return (
    <FormModal<{ password: string; passwordAgain: string }>
      open={!!user}
      title={t('hq.users.reset', { username: user?.username ?? '' })}
      onSubmit={async (v) => {
        await reset.mutate({ id: user!.id, password: v.password });
        return t('hq.users.resetDone', { username: user!.username });
      }}
      onClose={onClose}
      testId="user-reset-form"
      okTestId="user-reset-save"
    >
      <p>{t('hq.users.resetHelp')}</p>
      <PasswordFields />
    </FormModal>
  );
}

/** Which stores the user sees: the chain, some regions' stores, or some stores. */
export function ScopeModal({ user, onClose }: { user: HqUserDto | null; onClose(): void }) {
  const { t } = useI18n();
  const save = useMutation('users.setScope');
  const stores = useQuery('stores.list', {});
  return (
    <FormModal<HqScopeDto>
      open={!!user}
      title={t('hq.scope.title', { username: user?.username ?? '' })}
      initialValues={user?.scope}
      onSubmit={async (v) => {
        await save.mutate({
          id: user!.id,
          scope: { kind: v.kind, regionIds: v.regionIds ?? [], storeIds: v.storeIds ?? [] },
        });
        return t('hq.users.saved', { username: user!.username });
      }}
      onClose={onClose}
      testId="scope-form"
      okTestId="scope-save"
    >
      <Form.Item
        name="kind"
        label={t('hq.scope.f.kind')}
        extra={user?.role === 'admin' ? t('hq.scope.adminChain') : undefined}
      >
        <Radio.Group
          disabled={user?.role === 'admin'}
          options={(['chain', 'regions', 'stores'] as const).map((k) => ({ value: k, label: t(`hq.scope.kind.${k}`) }))}
          data-testid="scope-kind"
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: HqScopeDto, b: HqScopeDto) => a.kind !== b.kind}>
        {({ getFieldValue }) => (
          <ScopeLists kind={getFieldValue('kind') as HqScopeDto['kind']} stores={stores.data ?? []} />
        )}
      </Form.Item>
    </FormModal>
  );
}

/** The list the scope's kind asks for. */
function ScopeLists({
  kind,
  stores,
}: {
  kind: HqScopeDto['kind'];
  stores: { id: string; code: string; name: string }[];
}) {
  const { t } = useI18n();
  return (
    <>
      {kind === 'regions' && (
        <Form.Item
          name="regionIds"
          label={t('hq.nav.regions')}
          rules={[{ required: true, message: t('hq.scope.empty.regions') }]}
        >
          <RegionSelect multiple testId="scope-regions" />
        </Form.Item>
      )}
      {kind === 'stores' && (
        <Form.Item
          name="storeIds"
          label={t('hq.nav.stores')}
          rules={[{ required: true, message: t('hq.scope.empty.stores') }]}
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={stores.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
            data-testid="scope-stores"
          />
        </Form.Item>
      )}
    </>
  );
}
