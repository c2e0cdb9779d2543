import { Button, Dropdown, Layout, Menu, Result, Space, Typography } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { useMemo } from 'react';
import { HashRouter, Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { Locale } from '../../../src-shared/i18n';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { call } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { invalidate } from '../lib/query';
import { MenuRoutes } from './menu-routes';
import { ROUTES, type AppRoute } from './routes';
import { useSession } from './session';
import { StatusBar } from './StatusBar';

const { Sider, Header, Content, Footer } = Layout;

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
  const menuItems = useMemo(() => buildMenu(visible, t), [visible, t]);
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
      <Layout hasSider style={{ minHeight: '100vh' }}>
        <Sider
          breakpoint="lg"
          collapsedWidth={56}
          width={200}
          theme="light"
          style={{ borderRight: '1px solid #f0f0f0', height: '100vh', position: 'sticky', top: 0, overflow: 'auto' }}
        >
          <div style={{ padding: '14px 16px', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>
            {t('app.title')}
          </div>
          <Menu
            mode="inline"
            selectedKeys={[location.pathname]}
            defaultOpenKeys={['nav.inventory', 'nav.maintenance', 'nav.admin']}
            items={menuItems}
            onClick={(e) => navigate(e.key)}
            style={{ borderInlineEnd: 'none' }}
            data-testid="nav"
          />
        </Sider>
        {/* The status bar stays on screen; only the content scrolls. */}
        <Layout style={{ height: '100vh' }}>
          <Header
            style={{
              background: '#fff',
              padding: '0 16px',
              height: 48,
              lineHeight: '48px',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              borderBottom: '1px solid #f0f0f0',
            }}
          >
            <Typography.Text strong data-testid="store-name">
              {session.store?.code} · {session.store?.name}
            </Typography.Text>
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
          </Header>
          <Content style={{ padding: 16, overflow: 'auto', flex: 1 }}>
            <Routes>
              {ROUTES.map((r) => (
                <Route key={r.path} path={r.path} element={can(r.roles) ? r.element : <Forbidden />} />
              ))}
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Content>
          <Footer style={{ padding: '4px 16px', background: '#fafafa', borderTop: '1px solid #f0f0f0' }}>
            <StatusBar />
          </Footer>
        </Layout>
      </Layout>
    </MenuRoutes.Provider>
  );
}

function buildMenu(routes: AppRoute[], t: ReturnType<typeof useI18n>['t']): ItemType[] {
  const items: ItemType[] = [];
  const groups = new Map<string, ItemType[]>();
  for (const r of routes) {
    const entry: ItemType = { key: r.path, icon: r.icon, label: t(r.label) };
    if (!r.group) {
      items.push(entry);
      continue;
    }
    if (!groups.has(r.group)) {
      const children: ItemType[] = [];
      groups.set(r.group, children);
      items.push({ key: r.group, label: t(r.group), type: 'group', children });
    }
    groups.get(r.group)!.push(entry);
  }
  return items;
}

function Forbidden() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('shell.forbiddenPage')}
      extra={<Link to="/">{t('shell.backHome')}</Link>}
    />
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Result status="404" title="404" subTitle={t('shell.notFound')} extra={<Link to="/">{t('shell.backHome')}</Link>} />
  );
}
