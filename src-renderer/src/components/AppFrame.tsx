import { Layout, Menu, Result } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MessageKey } from '../../../src-shared/i18n';
import { useI18n } from '../lib/i18n';

const { Sider, Header, Content, Footer } = Layout;

/** A menu entry of an app's side bar: its route, label and icon, under an optional group heading. */
export interface MenuRoute {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  group?: MessageKey;
}

/** The side menu's items: routes in order, each group's heading where its first route is. */
export function menuItems(routes: readonly MenuRoute[], t: (key: MessageKey) => string): ItemType[] {
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

export interface AppFrameProps {
  /** The app's name at the top of the side menu. */
  title: string;
  menu: ItemType[];
  selectedKey: string;
  defaultOpenKeys?: string[];
  onNavigate(key: string): void;
  /** Left of the header bar (where am I), and right of it (language, user). */
  headerStart: ReactNode;
  headerEnd: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}

/**
 * The signed-in frame of an app: a side menu that collapses to icons on a
 * tablet, a header bar, the page, and a footer that stays on screen while
 * only the page scrolls.
 */
export function AppFrame(props: AppFrameProps) {
  return (
    <Layout hasSider style={{ minHeight: '100vh' }}>
      <Sider
        breakpoint="lg"
        collapsedWidth={56}
        width={200}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0', height: '100vh', position: 'sticky', top: 0, overflow: 'auto' }}
      >
        <div style={{ padding: '14px 16px', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {props.title}
        </div>
        <Menu
          mode="inline"
          selectedKeys={[props.selectedKey]}
          defaultOpenKeys={props.defaultOpenKeys}
          items={props.menu}
          onClick={(e) => props.onNavigate(e.key)}
          style={{ borderInlineEnd: 'none' }}
          data-testid="nav"
        />
      </Sider>
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
          {props.headerStart}
          {props.headerEnd}
        </Header>
        <Content style={{ padding: 16, overflow: 'auto', flex: 1 }}>{props.children}</Content>
        {props.footer && (
          <Footer style={{ padding: '4px 16px', background: '#fafafa', borderTop: '1px solid #f0f0f0' }}>
            {props.footer}
          </Footer>
        )}
      </Layout>
    </Layout>
  );
}

export function ForbiddenPage() {
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

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result status="404" title="404" subTitle={t('shell.notFound')} extra={<Link to="/">{t('shell.backHome')}</Link>} />
  );
}
