import { App as AntApp, Button, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { Role } from '../../../src-shared/roles';
import { onSessionEnded, subscribeEvents, type ConnectionState } from '../lib/api';
import { I18nProvider, useI18n } from '../lib/i18n';
import { invalidate } from '../lib/query';
import { applyDeviceEvent, reseedDevices } from '../lib/devices';
import { LoginPage } from '../features/login/LoginPage';
import { ConnectionContext } from './connection';
import { AppTheme } from '../components/AppTheme';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { GridHostContext } from '../components/grid-host';
import { onUncaughtError, reportError } from './global-errors';
import { storeGridHost } from './grid-host';
import { canAccess, SessionProvider, useSessionQuery } from './session';
import { setMoneyFormat } from '../lib/money';
import { setStoreTimeZone } from '../lib/store-day';

// Loaded after the first screen: the sign-in screen must not wait for the grid
// library and every page (cold start bar, docs/benchmarks.md).
const Shell = lazy(() => import('./Shell').then((m) => ({ default: m.Shell })));
const SetupPage = lazy(() => import('../features/setup/SetupPage').then((m) => ({ default: m.SetupPage })));

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
    <AppTheme title={t('app.title')}>
      <GridHostContext.Provider value={storeGridHost}>
        <ErrorBoundary
          message={(ref) => t('shell.crash', { ref })}
          reloadLabel={t('shell.reload')}
          report={reportError}
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
  const session = useSessionQuery();
  const [connection, setConnection] = useState<ConnectionState>('offline');
  const userId = session.data?.user?.id;

  // Live updates are for signed-in screens (the host refuses the stream without a session);
  // a new sign-in opens a new stream.
  useEffect(() => {
    if (!userId) return;
    const stop = subscribeEvents((e) => {
      if (e.type === 'invalidate') invalidate(e.methods);
      if (e.type === 'device') applyDeviceEvent(e.state);
      if (e.type === 'invalidate' && e.methods.includes('devices.states')) reseedDevices();
      if (e.type === 'server-error') notification.error({ message: t('error.INTERNAL', { ref: e.ref }) });
      if (e.type === 'signed-out') {
        // The store database was replaced: nothing on screen is current, and the sign-in screen says why.
        notification.info({ message: t('system.restore.signedOut'), duration: 0, key: 'signed-out' });
        invalidate(['*']);
      }
    }, setConnection);
    return () => {
      stop();
      setConnection('offline');
    };
  }, [userId, notification, t]);
  useEffect(() => onSessionEnded(() => invalidate(['session.current'])), []);
  const signedIn = !!session.data?.user;
  useEffect(() => {
    if (signedIn) notification.destroy('signed-out');
  }, [signedIn, notification]);
  useEffect(
    () => onUncaughtError((ref) => notification.error({ message: t('error.INTERNAL', { ref }), duration: 0 })),
    [notification, t],
  );

  // Days and money on screen are the store's (set during render: pages read them in their first render).
  setStoreTimeZone(session.data?.store?.timezone);
  setMoneyFormat(session.data?.store?.currency, locale);
  const value = useMemo(
    () =>
      session.data && {
        session: session.data,
        refresh: session.refetch,
        can: (roles: readonly Role[] | 'any') => canAccess(session.data?.user?.role, roles),
      },
    [session.data, session.refetch],
  );

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
    <ConnectionContext.Provider value={connection}>
      <SessionProvider value={value}>
        <Suspense fallback={<Spin fullscreen />}>
          {!value.session.initialized ? <SetupPage /> : !value.session.user ? <LoginPage /> : <Shell />}
        </Suspense>
      </SessionProvider>
    </ConnectionContext.Provider>
  );
}
