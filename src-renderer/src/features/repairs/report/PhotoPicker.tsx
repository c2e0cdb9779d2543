import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { App, Button, Image, Space, Spin, Typography, Upload } from 'antd';
import { useState, type Ref } from 'react';
import { useI18n } from '../../../lib/i18n';
import { NotAnImageError, preparePhoto, type PhotoDraft } from '../photos';
import { sizeText } from '../repair-format';

/**
 * Photos picked for a report or a work order: checked and scaled down in the
 * browser as they are picked (see photos.ts), shown as thumbnails that can be
 * enlarged or removed before anything is sent.
 */
export function PhotoPicker(props: {
  value?: PhotoDraft[];
  onChange?: (v: PhotoDraft[]) => void;
  max?: number;
  testId?: string;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(0);
  const value = props.value ?? [];
  const max = props.max ?? 6;
  const { onChange } = props;

  /** Files picked together are prepared together and added in one change (no lost updates between them). */
  const addAll = async (files: File[]) => {
    setBusy((n) => n + 1);
    const added: PhotoDraft[] = [];
    try {
      for (const file of files) {
        try {
          added.push(await preparePhoto(file));
        } catch (err) {
          if (err instanceof NotAnImageError) void message.error(t('repairs.photo.notImage', { name: err.fileName }));
          else void message.error(t('repairs.photo.unreadable', { name: file.name }));
        }
      }
      const room = Math.max(0, max - value.length);
      if (added.length > room) void message.warning(t('repairs.photo.tooMany', { max }));
      if (added.length && room) onChange?.([...value, ...added.slice(0, room)]);
    } finally {
      setBusy((n) => n - 1);
    }
  };

  return (
    <div ref={props.ref} data-testid={props.testId ?? 'photo-picker'}>
      <Space wrap align="start">
        {value.map((p) => (
          <div key={p.key} style={{ position: 'relative', width: 96 }} data-testid="photo-thumb">
            <Image
              src={p.url}
              alt={p.fileName}
              width={96}
              height={72}
              style={{ objectFit: 'cover', borderRadius: 4 }}
            />
            <Typography.Text
              ellipsis
              style={{ display: 'block', fontSize: 12, width: 96 }}
              title={`${p.fileName} (${sizeText(p.bytes)})`}
            >
              {p.fileName}
            </Typography.Text>
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('repairs.photo.remove', { name: p.fileName })}
              style={{ position: 'absolute', top: 2, right: 2 }}
              onClick={() => onChange?.(value.filter((x) => x.key !== p.key))}
            />
          </div>
        ))}
        {value.length < max && (
          <Upload
            accept="image/*"
            multiple
            showUploadList={false}
            beforeUpload={(file, list) => {
              if (file === list[0]) void addAll(list);
              return false;
            }}
          >
            <Button icon={<CameraOutlined />} style={{ height: 72, width: 96 }} data-testid="photo-add">
              {busy ? <Spin size="small" /> : t('repairs.photo.add')}
            </Button>
          </Upload>
        )}
      </Space>
    </div>
  );
}
