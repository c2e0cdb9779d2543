import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../../../../src-shared/errors';
import { call } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { parseReadings } from './import-readings';

/** Pastes or loads a meter export and imports it all or nothing; a refused row is named by its line. */
export function ImportReadingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const parsed = useMemo(() => parseReadings(text), [text]);

  const submit = async () => {
    setErrors([]);
    if (parsed.problems.length || !parsed.rows.length) return;
    setPending(true);
    try {
      const out = await call('pm.importReadings', { rows: parsed.rows });
      void message.success(t('repairs.readings.imported', { n: out.imported }));
      setText('');
      onClose();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const fields = err.data.fields ?? [];
      setErrors(
        fields.length
          ? fields.map((f) => {
              const row = /^rows\.(\d+)/.exec(f.path);
              const line = row ? parsed.lines[Number(row[1])] : undefined;
              return line ? t('repairs.readings.lineError', { line, message: f.message }) : f.message;
            })
          : [err.message],
      );
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('repairs.readings.import')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('repairs.readings.importOk', { n: parsed.rows.length })}
      okButtonProps={{ disabled: !parsed.rows.length || parsed.problems.length > 0 }}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      width={680}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('repairs.readings.format')}</Typography.Text>
        <Upload
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          showUploadList={false}
          beforeUpload={(f) => {
            void f.text().then(setText);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('repairs.readings.pickFile')}</Button>
        </Upload>
        <Input.TextArea
          rows={8}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={'SH001-COOL-01, 1250.5, 2026-11-27 08:00'}
          style={{ fontFamily: 'monospace' }}
          data-testid="readings-import-text"
        />
        {parsed.problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('repairs.readings.badLines', { n: parsed.problems.length })}
            description={parsed.problems
              .slice(0, 10)
              .map((p) => t('repairs.readings.lineError', { line: p.line, message: p.text }))
              .join('\n')}
            style={{ whiteSpace: 'pre-wrap' }}
          />
        )}
        {errors.length > 0 && (
          <Alert type="error" showIcon title={errors.join('\n')} style={{ whiteSpace: 'pre-wrap' }} />
        )}
      </Space>
    </Modal>
  );
}
