import { FileImageOutlined, FilePdfOutlined, FileOutlined } from '@ant-design/icons';
import { App, Button, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import type { AttachmentMeta } from '../../../../src-shared/api/methods/repairs-dto';
import type { z } from 'zod';
import { useSession } from '../../app/session';
import { call } from '../../lib/api';
import { downloadBase64 } from '../../lib/download';
import { showApiError } from '../../lib/form-errors';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { PhotoViewer } from '../../components/PhotoViewer';
import { sizeText } from './repair-format';

type Meta = z.output<typeof AttachmentMeta>;

/** Files kept with a work order or a piece of equipment: photos open in the viewer, documents download. */
export function AttachmentList({ files, testId }: { files: Meta[]; testId?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { session } = useSession();
  const [viewing, setViewing] = useState<string | null>(null);
  const tz = session.store?.timezone;
  const open = async (f: Meta) => {
    if (f.mime.startsWith('image/')) {
      setViewing(f.id);
      return;
    }
    try {
      const a = await call('attachments.get', { id: f.id });
      downloadBase64(a.fileName, a.base64, a.mime);
    } catch (err) {
      showApiError(err, message);
    }
  };
  if (!files.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('repairs.files.none')} />;
  return (
    <div data-testid={testId}>
      {files.map((f) => (
        <div key={f.id} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, padding: '2px 0' }}>
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', textAlign: 'left', whiteSpace: 'normal' }}
            icon={
              f.mime.startsWith('image/') ? (
                <FileImageOutlined />
              ) : f.mime === 'application/pdf' ? (
                <FilePdfOutlined />
              ) : (
                <FileOutlined />
              )
            }
            onClick={() => void open(f)}
            data-testid={`file-${f.fileName}`}
          >
            {f.fileName}
          </Button>
          <Space size={6}>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {sizeText(f.bytes)} · {f.createdBy ?? ''} {formatStoreTime(f.createdAt, tz)}
            </Typography.Text>
          </Space>
        </div>
      ))}
      <PhotoViewer id={viewing} onClose={() => setViewing(null)} />
    </div>
  );
}
