import { PictureOutlined } from '@ant-design/icons';
import { Alert, Button, Image, Modal, Spin, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../src-shared/api';
import { ApiError } from '../../../src-shared/errors';
import { call } from '../lib/api';
import { useI18n } from '../lib/i18n';

type Photo = MethodOutput<'attachments.get'>;

/** The camera icon of a row whose document has a photo (history, waste report details). */
export function PhotoButton({ onOpen, testId }: { onOpen: () => void; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t('ops.photo.open')}>
      <Button
        size="small"
        type="text"
        icon={<PictureOutlined />}
        aria-label={t('ops.photo.open')}
        onClick={onOpen}
        data-testid={testId}
      />
    </Tooltip>
  );
}

/**
 * Shows one attached photo in a dialog. The picture is fetched only when
 * opened: history pages carry just the attachment id, never the image.
 * Clicking the picture opens antd's zoomable preview.
 */
export function PhotoViewer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setPhoto(null);
    setError(null);
    if (!id) return;
    let alive = true;
    call('attachments.get', { id }).then(
      (p) => alive && setPhoto(p),
      (err: unknown) => alive && setError(err instanceof ApiError ? err.message : String(err)),
    );
    return () => {
      alive = false;
    };
  }, [id]);

  return (
    <Modal
      open={!!id}
      title={photo ? t('ops.photo.title', { name: photo.fileName }) : t('ops.photo.open')}
      footer={null}
      onCancel={onClose}
      width={760}
      destroyOnHidden
    >
      <div style={{ minHeight: 120, display: 'flex', justifyContent: 'center', alignItems: 'center' }}>
        {error ? (
          <Alert type="error" showIcon title={error} />
        ) : photo ? (
          <Image
            src={`data:${photo.mime};base64,${photo.base64}`}
            alt={photo.fileName}
            style={{ maxWidth: '100%', maxHeight: '65vh', objectFit: 'contain' }}
            data-testid="photo-image"
          />
        ) : (
          <Spin />
        )}
      </div>
    </Modal>
  );
}
