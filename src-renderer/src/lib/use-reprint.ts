import { App } from 'antd';
import { useState } from 'react';
import { call } from './api';
import { showApiError } from './form-errors';
import { useI18n } from './i18n';
import { faultText } from './fault-text';

/** "Print again" for a label job: says whether it printed, or why not, and which one is busy. */
export function useReprint() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const reprint = async (id: string) => {
    setBusy(id);
    try {
      const out = await call('labels.reprint', { id });
      if (out.status === 'printed') void message.success(t('receiving.labelPrinted'));
      else void message.warning(t('receiving.labelFailed', { error: faultText(t, out.error) }));
    } catch (err) {
      showApiError(err, message);
    } finally {
      setBusy(null);
    }
  };
  return { busy, reprint };
}
