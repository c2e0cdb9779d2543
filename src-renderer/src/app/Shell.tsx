import { Button, Dropdown, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { HashRouter, Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { Locale } from '../../../src-shared/i18n';
import { AppFrame, ForbiddenPage, menuItems, NotFoundPage } from '../components/AppFrame';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { call } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { invalidate } from '../lib/query';
import { MenuRoutes } from './menu-routes';
import { ROUTES } from './routes';
import { useSession } from './session';
import { StatusBar } from './StatusBar';

/** The signed-in app. Hash routes work the same on http:// (browser) and app:// (Electron). */
export function Shell() {
  return (
    <HashRouter>
      <ShellLayout />
    </HashRouter>
  );
}

function ShellLayout() {
  const { t } = useI18n();
  const { session, can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const user = session.user!;

  const visible = useMemo(() => ROUTES.filter((r) => !r.hidden && can(r.roles)), [can]);
  const menu = useMemo(() => menuItems(visible, t), [visible, t]);
  // The device keeps its own choice too; saving it on the user makes it follow them to other devices.
  const saveLocale = (l: Locale) => void call('session.setLocale', { locale: l }).catch(() => undefined);
  const signOut = async () => {
    // The next person to sign in starts at home, not on a screen the last user left open.
    navigate('/');
    await call('session.logout', {}).catch(() => undefined);
    invalidate(['*']);
  };

  return (
    <MenuRoutes.Provider value={visible}>
      <AppFrame
        title={t('app.title')}
        menu={menu}
        selectedKey={location.pathname}
        defaultOpenKeys={['nav.inventory', 'nav.maintenance', 'nav.admin']}
        onNavigate={navigate}
        headerStart={
          <Typography.Text strong data-testid="store-name">
            {session.store?.code} · {session.store?.name}
          </Typography.Text>
        }
        headerEnd={
          <Space>
            <LanguageSwitch onChanged={saveLocale} />
            <Dropdown
              menu={{
                items: [
                  { key: 'account', label: <Link to="/account">{t('nav.account')}</Link> },
                  { key: 'logout', label: t('shell.signOut'), onClick: () => void signOut() },
                ],
              }}
            >
              <Button type="text" data-testid="user-menu">
                {user.displayName} ({t(`role.${user.role}`)})
              </Button>
            </Dropdown>
          </Space>
        }
        footer={<StatusBar />}
      >
        <Routes>
          {ROUTES.map((r) => (
            <Route key={r.path} path={r.path} element={can(r.roles) ? r.element : <ForbiddenPage />} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </AppFrame>
    </MenuRoutes.Provider>
  );
}
