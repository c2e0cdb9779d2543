import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Card, Upload } from 'antd';
import { useState } from 'react';
import type { MethodOutput } from '../../../../../src-shared/api';
import { call } from '../../../lib/api';
import { showApiError } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { AttachmentList } from '../AttachmentList';
import { inPairs, NotAnImageError, preparePhoto } from '../photos';

type Detail = MethodOutput<'repairs.get'>;

/** The work order's photos and documents; anyone may add photos at any time (before, during and after the fix). */
export function AttachmentsCard({ wo }: { wo: Detail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const add = async (files: File[]) => {
    setBusy(true);
    try {
      const ready = [];
      for (const f of files) {
        try {
          ready.push(await preparePhoto(f));
        } catch (err) {
          if (!(err instanceof NotAnImageError)) throw err;
          void message.error(t('repairs.photo.notImage', { name: f.name }));
        }
      }
      for (const pair of inPairs(ready.map((p) => ({ fileName: p.fileName, dataBase64: p.dataBase64 })))) {
        await call('repairs.attach', { id: wo.id, photos: pair });
      }
      if (ready.length) void message.success(t('repairs.photo.added', { n: ready.length }));
    } catch (err) {
      showApiError(err, message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('repairs.detail.files', { n: wo.attachments.length })}
      extra={
        <Upload
          accept="image/*"
          multiple
          showUploadList={false}
          beforeUpload={(file, list) => {
            if (file === list[0]) void add(list);
            return false;
          }}
        >
          <Button size="small" icon={<CameraOutlined />} loading={busy} data-testid="wo-add-photo">
            {t('repairs.photo.add')}
          </Button>
        </Upload>
      }
      data-testid="wo-files"
    >
      <AttachmentList files={wo.attachments} />
    </Card>
  );
}
