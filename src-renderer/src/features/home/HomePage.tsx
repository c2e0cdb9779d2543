import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useMenuRoutes } from '../../app/menu-routes';
import { useSession } from '../../app/session';
import { useI18n } from '../../lib/i18n';

export function HomePage() {
  const { t } = useI18n();
  const { session } = useSession();
  const user = session.user!;
  const targets = useMenuRoutes().filter((r) => r.path !== '/');
  return (
    <div>
      <Typography.Title level={3} data-testid="home-title">
        {t('home.welcome', { name: user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {session.store && t('home.storeLine', { code: session.store.code, name: session.store.name })} ·{' '}
        {t('home.role', { role: t(`role.${user.role}`) })}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('home.quick')}</Typography.Title>
      <Row gutter={[12, 12]}>
        {targets.map((r) => (
          <Col key={r.path} xs={12} sm={8} md={6}>
            <Link to={r.path}>
              <Card hoverable size="small">
                <span style={{ fontSize: 20, marginRight: 8 }}>{r.icon}</span>
                {t(r.label)}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </div>
  );
}
