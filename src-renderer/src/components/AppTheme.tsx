import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n';

/** antd's and dayjs's language, the window title and the look every screen of an app shares. */
export function AppTheme({ title, children }: { title: string; children: ReactNode }) {
  const { locale } = useI18n();
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
    document.title = title;
  }, [locale, title]);
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={{ token: { borderRadius: 4, fontSize: 14 } }}
      componentSize="middle"
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
