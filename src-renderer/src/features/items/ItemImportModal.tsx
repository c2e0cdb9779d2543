import { App } from 'antd';
import { ImportModal } from '../../components/ImportModal';
import { useI18n } from '../../lib/i18n';
import { useMutation } from '../../lib/query';

/** Items from a CSV or XLSX file: check (nothing written), then import; the report lists every bad row. */
export function ItemImportModal(props: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const run = useMutation('items.import');
  return (
    <ImportModal
      open={props.open}
      onClose={props.onClose}
      title={t('items.import.title')}
      help={t('items.import.help')}
      pickLabel={t('items.import.pick')}
      testId="import"
      gridId="items-import-errors"
      send={(file, dryRun) => run.mutate({ fileName: file.name, base64: file.base64, dryRun })}
      okText={(r) => t('items.import.ok', { rows: r.rows, created: r.created, updated: r.updated })}
      onImported={(r) =>
        void message.success(t('items.import.done', { rows: r.rows, created: r.created, updated: r.updated }))
      }
    />
  );
}
