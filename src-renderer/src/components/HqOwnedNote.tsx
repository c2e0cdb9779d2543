import { Alert } from 'antd';
import { useI18n } from '../lib/i18n';

/** The note over a form whose shared fields HQ manages: which fields are read-only and whom to ask. */
export function HqOwnedNote({ hq, detail }: { hq: string; detail?: string }) {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="hq-owned-note"
      style={{ marginBottom: 12 }}
      title={t('sync.hqOwned.note', { hq })}
      description={detail}
    />
  );
}
