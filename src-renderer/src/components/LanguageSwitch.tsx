import { Segmented } from 'antd';
import type { Locale } from '../../../src-shared/i18n';
import { useI18n } from '../lib/i18n';

/** Switches the UI language on this device; `onChanged` lets the shell also save it for the user. */
export function LanguageSwitch({ onChanged }: { onChanged?: (locale: Locale) => void }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      size="small"
      value={locale}
      onChange={(l) => {
        setLocale(l);
        onChanged?.(l);
      }}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
      aria-label={t('shell.language')}
      data-testid="lang-switch"
    />
  );
}
