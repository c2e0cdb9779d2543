import { App as AntApp, Button, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import type { HqAccess } from '../../src-shared/hq-api/contract';
import { AppTheme } from '../../src-renderer/src/components/AppTheme';
import { ErrorBoundary } from '../../src-renderer/src/components/ErrorBoundary';
import { GridHostContext } from '../../src-renderer/src/components/grid-host';
import { I18nProvider, useI18n } from '../../src-renderer/src/lib/i18n';
import { setMoneyFormat } from '../../src-renderer/src/lib/money';
import { onUncaughtError } from '../../src-renderer/src/lib/uncaught-errors';
import { onSessionEnded } from './lib/api';
import { reportHqError } from './lib/errors';
import { hqGridHost } from './lib/grid-host';
import { invalidate, useQuery } from './lib/query';
import { canAccess, SessionProvider } from './lib/session';
import { ChangePasswordPage } from './session/ChangePasswordPage';
import { FirstAdminPage } from './session/FirstAdminPage';
import { SignInPage } from './session/SignInPage';

// Loaded after the first screen: signing in must not wait for the grid library and every page.
const Shell = lazy(() => import('./Shell').then((m) => ({ default: m.Shell })));

/** HQ's screens: the store's i18n, theme, grid and error boundary, around HQ's own session and pages. */
export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}

function Themed() {
  const { t } = useI18n();
  return (
    <AppTheme title={t('hq.ui.title')}>
      <GridHostContext.Provider value={hqGridHost}>
        <ErrorBoundary
          message={(ref) => t('shell.crash', { ref })}
          reloadLabel={t('shell.reload')}
          report={reportHqError}
        >
          <Root />
        </ErrorBoundary>
      </GridHostContext.Provider>
    </AppTheme>
  );
}

function Root() {
  const { locale, t } = useI18n();
  const { notification } = AntApp.useApp();
  const session = useQuery('session.current', {});
  useEffect(() => onSessionEnded(() => invalidate(['session.current'])), []);
  useEffect(
    () => onUncaughtError((ref) => notification.error({ message: t('error.INTERNAL', { ref }), duration: 0 })),
    [notification, t],
  );
  // Prices are the chain's, in yuan (HQ has no currency setting yet).
  setMoneyFormat(undefined, locale);
  const data = session.data;
  const value = useMemo(() => data && { session: data, can: (access: HqAccess) => canAccess(data, access) }, [data]);

  if (!value) {
    if (session.error) {
      return (
        <Result
          status="warning"
          title={session.error.message}
          extra={<Button onClick={() => void session.refetch()}>{t('common.refresh')}</Button>}
        />
      );
    }
    return <Spin fullscreen tip={t('app.loading')} />;
  }
  return (
    <SessionProvider value={value}>
      <Suspense fallback={<Spin fullscreen />}>
        {value.session.needsSetup ? (
          <FirstAdminPage />
        ) : !value.session.user ? (
          <SignInPage />
        ) : value.session.user.mustChangePassword ? (
          <ChangePasswordPage />
        ) : (
          <Shell />
        )}
      </Suspense>
    </SessionProvider>
  );
}
