import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import type { Ref } from 'react';
import { fileToBase64 } from '../../lib/download';
import { useI18n } from '../../lib/i18n';
import { NotAnImageError, preparePhoto } from './photos';

export interface PickedFile {
  fileName: string;
  dataBase64: string;
}

/** A document for upload: a PDF as it is, a photo scaled down like every repairs photo; anything else refused here. */
export async function readDocument(file: File): Promise<PickedFile> {
  if (file.type === 'application/pdf' || /\.pdf$/i.test(file.name)) {
    return { fileName: file.name, dataBase64: await fileToBase64(file) };
  }
  const p = await preparePhoto(file);
  return { fileName: p.fileName, dataBase64: p.dataBase64 };
}

/** One file (PDF or photo) as a form value. */
export function FilePick(props: {
  value?: PickedFile | null;
  onChange?: (v: PickedFile | null) => void;
  testId?: string;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const pick = async (file: File) => {
    try {
      props.onChange?.(await readDocument(file));
    } catch (err) {
      if (!(err instanceof NotAnImageError)) throw err;
      void message.error(t('repairs.file.wrongType', { name: file.name }));
    }
  };
  return (
    <div ref={props.ref}>
      <Space>
        <Upload
          accept="application/pdf,image/*"
          showUploadList={false}
          beforeUpload={(f) => {
            void pick(f);
            return false;
          }}
        >
          <Button icon={<PaperClipOutlined />} data-testid={props.testId}>
            {t('repairs.file.pick')}
          </Button>
        </Upload>
        {props.value && (
          <>
            <Typography.Text>{props.value.fileName}</Typography.Text>
            <Button type="link" onClick={() => props.onChange?.(null)}>
              {t('repairs.file.clear')}
            </Button>
          </>
        )}
      </Space>
    </div>
  );
}
