import { ArrowLeftOutlined, FileExcelOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { downloadBase64 } from '../lib/download';
import { showApiError } from '../lib/form-errors';
import { useI18n } from '../lib/i18n';

/** A document as a file to download. */
export interface DocumentFile {
  fileName: string;
  mime: string;
  base64: string;
}

/**
 * The head of one document's page (an order, an invoice, a claim): back to
 * where it is listed, its number and status, its actions, then its details
 * as a bordered grid. A document the supplier gets also prints (its print
 * view is on the page) and downloads as XLSX and PDF. Test ids are
 * `${testId}-number`, `-status`, `-details`, `-print-button`, `-xlsx`, `-pdf`.
 */
export function DocumentHeader(props: {
  back: { to: string; label: string };
  number: string;
  status: { text: string; color: string };
  testId: string;
  /** Buttons for what can be done to the document now. */
  actions?: ReactNode;
  /** The document as the supplier gets it, in a format. */
  file?: (format: 'xlsx' | 'pdf') => Promise<DocumentFile>;
  details: { label: string; value: ReactNode }[];
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const id = props.testId;

  const download = async (format: 'xlsx' | 'pdf') => {
    if (!props.file) return;
    setBusy(format);
    try {
      const f = await props.file(format);
      downloadBase64(f.fileName, f.base64, f.mime);
    } catch (err) {
      showApiError(err, message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(props.back.to)}>
            {props.back.label}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid={`${id}-number`}>
            {props.number}
          </Typography.Title>
          <Tag color={props.status.color} data-testid={`${id}-status`}>
            {props.status.text}
          </Tag>
        </Space>
        <Space wrap>
          {props.actions}
          {props.file && (
            <>
              <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid={`${id}-print-button`}>
                {t('document.print')}
              </Button>
              <Button
                icon={<FileExcelOutlined />}
                loading={busy === 'xlsx'}
                onClick={() => void download('xlsx')}
                data-testid={`${id}-xlsx`}
              >
                {t('document.exportXlsx')}
              </Button>
              <Button
                icon={<FilePdfOutlined />}
                loading={busy === 'pdf'}
                onClick={() => void download('pdf')}
                data-testid={`${id}-pdf`}
              >
                {t('document.exportPdf')}
              </Button>
            </>
          )}
        </Space>
      </Space>
      <Descriptions
        size="small"
        bordered
        column={3}
        style={{ marginBottom: 8 }}
        items={props.details.map((d) => ({ key: d.label, label: d.label, children: d.value }))}
        data-testid={`${id}-details`}
      />
    </>
  );
}
