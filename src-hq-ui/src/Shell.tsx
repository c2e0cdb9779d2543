import { Button, Dropdown, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { AppFrame, ForbiddenPage, menuItems, NotFoundPage } from '../../src-renderer/src/components/AppFrame';
import { LanguageSwitch } from '../../src-renderer/src/components/LanguageSwitch';
import { useI18n } from '../../src-renderer/src/lib/i18n';
import { call } from './lib/api';
import { invalidate } from './lib/query';
import { useSession } from './lib/session';
import { HQ_ROUTES } from './routes';

/** The signed-in HQ: real addresses (/stores/…) that HQ's server answers with this page. */
export function Shell() {
  return (
    <BrowserRouter>
      <ShellLayout />
    </BrowserRouter>
  );
}

function ShellLayout() {
  const { t } = useI18n();
  const { session, can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const user = session.user!;
  const visible = useMemo(() => HQ_ROUTES.filter((r) => !r.hidden && can(r.access)), [can]);
  const menu = useMemo(() => menuItems(visible, t), [visible, t]);
  // A store's page lights up the store list in the menu.
  const selected = visible.find((r) => location.pathname.startsWith(r.path))?.path ?? location.pathname;
  const signOut = async () => {
    await navigate('/');
    await call('session.logout', {}).catch(() => undefined);
    invalidate(['*']);
  };

  return (
    <AppFrame
      title={t('hq.ui.title')}
      menu={menu}
      selectedKey={selected}
      onNavigate={(key) => void navigate(key)}
      headerStart={
        <Typography.Text strong data-testid="hq-name">
          {session.hqName}
        </Typography.Text>
      }
      headerEnd={
        <Space>
          <LanguageSwitch />
          <Dropdown menu={{ items: [{ key: 'logout', label: t('shell.signOut'), onClick: () => void signOut() }] }}>
            <Button type="text" data-testid="user-menu">
              {user.displayName} ({t(`hq.role.${user.role}`)})
            </Button>
          </Dropdown>
        </Space>
      }
    >
      <Routes>
        <Route path="/" element={<Navigate to="/stores" replace />} />
        {HQ_ROUTES.map((r) => (
          <Route key={r.path} path={r.path} element={can(r.access) ? r.element : <ForbiddenPage />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppFrame>
  );
}
