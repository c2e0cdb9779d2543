import { InboxOutlined } from '@ant-design/icons';
import { Space, Upload } from 'antd';
import { fileToBase64 } from '../lib/download';

export interface DroppedFile {
  name: string;
  base64: string;
}

/**
 * Drop or pick one import file (CSV, XLSX or text). The file goes to the
 * backend through the API as base64, never to an upload URL, so the Electron
 * window and the browser behave the same.
 */
export function FileDrop(props: {
  file: DroppedFile | null;
  onFile(file: DroppedFile): void;
  /** Shown until a file is chosen. */
  pickLabel: string;
  testId: string;
  accept?: string;
}) {
  return (
    <Upload.Dragger
      accept={props.accept ?? '.csv,.xlsx,.txt'}
      maxCount={1}
      showUploadList={false}
      beforeUpload={(f) => {
        void fileToBase64(f).then((base64) => props.onFile({ name: f.name, base64 }));
        return false;
      }}
      data-testid={props.testId}
    >
      <Space>
        <InboxOutlined style={{ fontSize: 24, color: '#1677ff' }} />
        <span>{props.file ? props.file.name : props.pickLabel}</span>
      </Space>
    </Upload.Dragger>
  );
}
