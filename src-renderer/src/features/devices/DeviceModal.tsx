import { AutoComplete, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import type { Device, DeviceInput } from '../../../../src-shared/api/methods/devices';
import {
  PRINTER_LANGUAGES,
  SCALE_PROTOCOL_INFO,
  SCALE_PROTOCOLS,
  type ScaleProtocol,
  type SerialSettings,
} from '../../../../src-shared/devices';
import { ApiError } from '../../../../src-shared/errors';
import type { MessageKey } from '../../../../src-shared/i18n';
import { FormModal } from '../../components/FormModal';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';

/** Flat form values: the modal edits serial settings and the printer transport side by side. */
interface Values {
  kind: 'scale' | 'printer';
  name: string;
  protocol: string;
  transport: 'serial' | 'tcp' | 'file';
  serial: SerialSettings;
  host: string;
  port: number;
  filePath: string;
  isDefault: boolean;
  active: boolean;
}

/** 9600 8N1 is what most scales ship with; the protocol names say when one differs (8217: 7E1). */
const SERIAL_DEFAULT: Omit<SerialSettings, 'path'> = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 };

function toValues(d: Device | null, kind: 'scale' | 'printer'): Partial<Values> {
  const serial: SerialSettings = { path: '', ...SERIAL_DEFAULT };
  if (!d)
    return {
      kind,
      name: '',
      protocol: kind === 'scale' ? 'cas22' : 'tspl',
      transport: kind === 'scale' ? 'serial' : 'tcp',
      serial,
      host: '',
      port: 9100,
      filePath: '',
      isDefault: true,
      active: true,
    };
  const c = d.connection as Record<string, unknown>;
  const base = {
    kind: d.kind,
    name: d.name,
    protocol: d.protocol,
    isDefault: d.isDefault,
    active: d.active,
    host: '',
    port: 9100,
    filePath: '',
  };
  if (d.kind === 'scale') return { ...base, transport: 'serial', serial: c as unknown as SerialSettings };
  const tk = c.kind as Values['transport'];
  return {
    ...base,
    transport: tk,
    serial: tk === 'serial' ? (c.serial as SerialSettings) : serial,
    host: tk === 'tcp' ? String(c.host) : '',
    port: tk === 'tcp' ? Number(c.port) : 9100,
    filePath: tk === 'file' ? String(c.path) : '',
  };
}

function toInput(v: Values): DeviceInput {
  const base = { name: v.name, isDefault: v.isDefault, active: v.active };
  if (v.kind === 'scale') {
    return {
      ...base,
      kind: 'scale',
      protocol: v.protocol as DeviceInput['protocol'] & 'cas22',
      connection: v.serial,
      options: {},
    };
  }
  const connection =
    v.transport === 'serial'
      ? { kind: 'serial' as const, serial: v.serial }
      : v.transport === 'tcp'
        ? { kind: 'tcp' as const, host: v.host, port: v.port }
        : { kind: 'file' as const, path: v.filePath };
  return { ...base, kind: 'printer', protocol: v.protocol as 'tspl' | 'zpl', connection, options: {} };
}

/** The API names the device's path `connection.path`; this form edits it as the file or serial port field. */
function onFormFields(err: unknown, pathField: string): unknown {
  if (!(err instanceof ApiError) || !err.data.fields) return err;
  const fields = err.data.fields.map((f) =>
    f.path === 'connection.path' || f.path === 'connection.serial.path' ? { ...f, path: pathField } : f,
  );
  return new ApiError({ ...err.data, fields });
}

export function DeviceModal(props: {
  open: boolean;
  device: Device | null;
  kind: 'scale' | 'printer';
  onClose(): void;
}) {
  const { t } = useI18n();
  const ports = useQuery('devices.ports', {}, { enabled: props.open });
  // USB printer nodes (/dev/usb/lp0) are for the file connection, serial ports for the rest.
  const isPrinterNode = (path: string) => /\/usb\/lp\d+$/.test(path);
  const portOptions = (printers: boolean) =>
    (ports.data ?? [])
      .filter((p) => isPrinterNode(p.path) === printers)
      .map((p) => ({ value: p.path, label: p.label }));
  // A list that could not be read says so (the path can still be typed); an empty one just means no ports.
  const portsFailed = ports.error ? (
    <Typography.Text type="danger" data-testid="device-ports-error">
      {ports.error.message}
    </Typography.Text>
  ) : null;
  const initial = useMemo(() => toValues(props.device, props.kind), [props.device, props.kind]);
  const kind = props.device?.kind ?? props.kind;
  const protocols = kind === 'scale' ? SCALE_PROTOCOLS : PRINTER_LANGUAGES;
  return (
    <FormModal<Values>
      open={props.open}
      title={t(props.device ? 'devices.edit' : kind === 'scale' ? 'devices.addScale' : 'devices.addPrinter')}
      initialValues={initial}
      width={620}
      testId="device-modal"
      okTestId="device-save"
      onClose={props.onClose}
      onSubmit={async (v) => {
        try {
          await call('devices.save', { ...toInput({ ...v, kind }), ...(props.device ? { id: props.device.id } : {}) });
        } catch (err) {
          throw onFormFields(err, kind === 'printer' && v.transport === 'file' ? 'filePath' : 'serial.path');
        }
        return t('common.saved');
      }}
    >
      <Form.Item name="name" label={t('devices.f.name')} rules={[{ required: true }]}>
        <Input
          data-testid="device-name"
          placeholder={t(kind === 'scale' ? 'devices.ph.scaleName' : 'devices.ph.printerName')}
        />
      </Form.Item>
      <Form.Item
        name="protocol"
        label={t(kind === 'scale' ? 'devices.f.protocol' : 'devices.f.language')}
        rules={[{ required: true }]}
      >
        <Select
          data-testid="device-protocol"
          options={protocols.map((p) => ({ value: p, label: t(`devices.protocol.${p}` as MessageKey) }))}
        />
      </Form.Item>
      {kind === 'scale' && (
        <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.protocol !== b.protocol}>
          {({ getFieldValue }) => {
            const p = getFieldValue('protocol') as ScaleProtocol;
            return SCALE_PROTOCOL_INFO[p] && !SCALE_PROTOCOL_INFO[p].stabilityFlag ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: -16 }} data-testid="device-stability-hint">
                {t('devices.stabilityBySoftware')}
              </Typography.Paragraph>
            ) : null;
          }}
        </Form.Item>
      )}
      {kind === 'printer' && (
        <Form.Item name="transport" label={t('devices.f.transport')}>
          <Select
            data-testid="device-transport"
            options={(['tcp', 'serial', 'file'] as const).map((k) => ({
              value: k,
              label: t(`devices.transport.${k}`),
            }))}
          />
        </Form.Item>
      )}
      <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.transport !== b.transport}>
        {({ getFieldValue }) => {
          const transport = kind === 'scale' ? 'serial' : (getFieldValue('transport') as Values['transport']);
          if (transport === 'tcp') {
            return (
              <Space>
                <Form.Item name="host" label={t('devices.f.host')} rules={[{ required: true }]}>
                  <Input data-testid="device-host" placeholder="192.168.1.50" />
                </Form.Item>
                <Form.Item name="port" label={t('devices.f.port')} rules={[{ required: true }]}>
                  <InputNumber data-testid="device-tcp-port" min={1} max={65535} />
                </Form.Item>
              </Space>
            );
          }
          if (transport === 'file') {
            return (
              <Form.Item
                name="filePath"
                label={t('devices.f.file')}
                rules={[{ required: true }]}
                extra={
                  <>
                    {t('devices.fileHint')} {portsFailed}
                  </>
                }
              >
                <AutoComplete data-testid="device-file" options={portOptions(true)} placeholder="labels.prn" />
              </Form.Item>
            );
          }
          return (
            <>
              <Form.Item
                name={['serial', 'path']}
                label={t('devices.f.serialPort')}
                rules={[{ required: true }]}
                extra={
                  <>
                    {t('devices.portHint')} {portsFailed}
                  </>
                }
              >
                <AutoComplete
                  data-testid="device-path"
                  options={portOptions(false)}
                  placeholder={navigator.platform.startsWith('Win') ? 'COM3' : '/dev/ttyUSB0'}
                />
              </Form.Item>
              <Space wrap>
                <Form.Item name={['serial', 'baudRate']} label={t('devices.f.baud')}>
                  <Select
                    style={{ width: 100 }}
                    options={[1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200].map((b) => ({ value: b, label: b }))}
                  />
                </Form.Item>
                <Form.Item name={['serial', 'dataBits']} label={t('devices.f.dataBits')}>
                  <Select style={{ width: 70 }} options={[7, 8].map((b) => ({ value: b, label: b }))} />
                </Form.Item>
                <Form.Item name={['serial', 'parity']} label={t('devices.f.parity')}>
                  <Select
                    style={{ width: 100 }}
                    options={(['none', 'even', 'odd'] as const).map((p) => ({
                      value: p,
                      label: t(`devices.parity.${p}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item name={['serial', 'stopBits']} label={t('devices.f.stopBits')}>
                  <Select style={{ width: 70 }} options={[1, 2].map((b) => ({ value: b, label: b }))} />
                </Form.Item>
              </Space>
            </>
          );
        }}
      </Form.Item>
      <Space size="large">
        <Form.Item name="isDefault" valuePropName="checked">
          <Checkbox>{t('devices.f.default')}</Checkbox>
        </Form.Item>
        <Form.Item name="active" valuePropName="checked">
          <Checkbox>{t('devices.f.active')}</Checkbox>
        </Form.Item>
      </Space>
    </FormModal>
  );
}
