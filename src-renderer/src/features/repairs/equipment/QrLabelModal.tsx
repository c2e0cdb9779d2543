import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../../../lib/api';
import { showApiError } from '../../../lib/form-errors';
import { faultText } from '../../../lib/fault-text';
import { createPortal } from 'react-dom';
import { EQUIPMENT_TEMPLATE_ID } from '../../../../../src-shared/labels/builtin-ids';
import type { LabelData } from '../../../../../src-shared/labels/template';
import { useSession } from '../../../app/session';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { useMaybeQuery } from '../use-maybe-query';
import { storeToday } from '../../../lib/store-day';

/**
 * Only the label prints, at its real size. Rendered under <body> (a portal)
 * so print can hide every other child of body, as the purchase order does.
 */
const PRINT_CSS = `
.eq-label-print { display: none; }
@media print {
  @page { size: 50mm 30mm; margin: 0; }
  body > *:not(.eq-label-print) { display: none !important; }
  .eq-label-print { display: block; }
  .eq-label-print svg { width: 50mm; height: 30mm; display: block; }
}`;

/** "冷库 (Walk-in cooler)" -> the two names the template prints on two lines. */
function splitName(name: string, location: string): { nameZh: string; nameEn: string } {
  const m = /^(.*?)\s*[（(](.+)[)）]\s*$/.exec(name);
  return m ? { nameZh: m[1]!, nameEn: m[2]! } : { nameZh: name, nameEn: location };
}

/**
 * The equipment's QR label as it will print (the label template's own
 * preview), and a browser print of it. The QR holds `EQ:<code>`: scanning it
 * on the report screen opens the report for this equipment.
 */
export function QrLabelModal({ equipment, onClose }: { equipment: { id: string } | null; onClose: () => void }) {
  const { t } = useI18n();
  const { session } = useSession();
  const open = equipment !== null;
  const qr = useMaybeQuery('equipment.qr', equipment ? { id: equipment.id } : null);
  const templates = useQuery('labels.templates', {}, { enabled: open });
  const template =
    templates.data?.find((x) => x.id === EQUIPMENT_TEMPLATE_ID) ??
    templates.data?.find((x) => x.definition.elements.some((e) => e.type === 'barcode' && e.symbology === 'qr'));
  const data: LabelData | undefined = qr.data && {
    itemCode: '',
    ...splitName(qr.data.name, qr.data.location),
    receivedDate: storeToday(),
    barcode: qr.data.payload,
    equipmentCode: qr.data.code,
    storeName: session.store?.name ?? qr.data.storeCode,
  };
  const preview = useMaybeQuery('labels.preview', template && data ? { definition: template.definition, data } : null);
  const error = qr.error ?? templates.error ?? preview.error;
  const payload = qr.data?.payload;
  const svg = open && payload ? preview.data?.svg : undefined;
  const { message } = App.useApp();
  const [printing, setPrinting] = useState(false);
  // On the store's label printer (the same queue and history as receiving labels).
  const printOnLabelPrinter = async () => {
    if (!equipment) return;
    setPrinting(true);
    try {
      const out = await call('labels.printEquipment', { equipmentId: equipment.id });
      if (out.status === 'printed') void message.success(t('receiving.labelPrinted'));
      else void message.warning(t('receiving.labelFailed', { error: faultText(t, out.error) }));
    } catch (err) {
      showApiError(err, message);
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={qr.data ? t('repairs.qr.title', { code: qr.data.code }) : t('repairs.qr.button')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t('repairs.qr.close')}
        </Button>,
        <Button
          key="print"
          icon={<PrinterOutlined />}
          disabled={!svg}
          onClick={() => window.print()}
          data-testid="qr-print"
        >
          {t('repairs.qr.print')}
        </Button>,
        <Button
          key="label"
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!equipment}
          loading={printing}
          onClick={() => void printOnLabelPrinter()}
          data-testid="qr-print-label"
        >
          {t('repairs.qr.printLabel')}
        </Button>,
      ]}
    >
      {error ? (
        <Alert type="error" showIcon title={error.message} />
      ) : !svg ? (
        <Spin />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <div
            data-testid="qr-preview"
            style={{ border: '1px dashed #d9d9d9', padding: 8, background: '#fff', textAlign: 'center' }}
            // The SVG comes from our own label renderer (labels.preview), not from user HTML.
            dangerouslySetInnerHTML={{
              __html: svg.replace('<svg ', '<svg style="width:100%;max-width:420px;height:auto" '),
            }}
          />
          <Typography.Text type="secondary">
            {t('repairs.qr.payload', { payload: payload ?? '' })} · {template?.name}
          </Typography.Text>
          {preview.data?.problems.map((p) => (
            <Alert key={p} type="warning" showIcon title={p} />
          ))}
        </Space>
      )}
      {svg &&
        createPortal(
          <div className="eq-label-print">
            <style>{PRINT_CSS}</style>
            <div dangerouslySetInnerHTML={{ __html: svg }} />
          </div>,
          document.body,
        )}
    </Modal>
  );
}
