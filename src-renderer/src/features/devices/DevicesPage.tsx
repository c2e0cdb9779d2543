import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Device } from '../../../../src-shared/api/methods/devices';
import type { MessageKey } from '../../../../src-shared/i18n';
import { useSession } from '../../app/session';
import { call } from '../../lib/api';
import { useDeviceStates } from '../../lib/devices';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { deviceSummary } from '../../components/DeviceBadge';
import { DeviceModal } from './DeviceModal';

function connectionText(d: Device): string {
  const c = d.connection as Record<string, unknown>;
  if (d.kind === 'scale')
    return `${String(c.path)} · ${String(c.baudRate)} ${String(c.dataBits)}${String(c.parity).charAt(0).toUpperCase()}${String(c.stopBits)}`;
  if (c.kind === 'tcp') return `${String(c.host)}:${String(c.port)}`;
  if (c.kind === 'file') return String(c.path);
  const s = c.serial as Record<string, unknown>;
  return `${String(s.path)} · ${String(s.baudRate)}`;
}

/**
 * Scales and label printers of this PC: add one, pick protocol and port, and
 * test it here (the live reading, zero/tare, a status query, a test label).
 */
export function DevicesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { session } = useSession();
  const canEdit = session.user?.role === 'admin' || session.user?.role === 'manager';
  const devices = useQuery('devices.list', {});
  const states = useDeviceStates();
  const [dialog, setDialog] = useState<{ device: Device | null; kind: 'scale' | 'printer' } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (key: string, fn: () => Promise<string>) => {
    setBusy(key);
    try {
      void message.success(await fn());
    } catch (err) {
      showApiError(err, message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('devices.title')}
      </Typography.Title>
      {canEdit && (
        <Space style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ device: null, kind: 'scale' })}
            data-testid="devices-add-scale"
          >
            {t('devices.addScale')}
          </Button>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setDialog({ device: null, kind: 'printer' })}
            data-testid="devices-add-printer"
          >
            {t('devices.addPrinter')}
          </Button>
        </Space>
      )}
      <Table<Device>
        rowKey="id"
        size="middle"
        loading={devices.loading}
        dataSource={devices.data ?? []}
        pagination={false}
        data-testid="devices-table"
        locale={{ emptyText: t('devices.empty') }}
        columns={[
          {
            title: t('devices.f.name'),
            dataIndex: 'name',
            render: (_, d) => (
              <Space>
                {d.name}
                {d.isDefault && <Tag color="blue">{t('devices.f.default')}</Tag>}
                {!d.active && <Tag>{t('items.status.inactive')}</Tag>}
              </Space>
            ),
          },
          { title: t('devices.f.kind'), dataIndex: 'kind', render: (k: Device['kind']) => t(`devices.kind.${k}`) },
          {
            title: t('devices.f.protocol'),
            dataIndex: 'protocol',
            render: (p: string) => t(`devices.protocol.${p}` as MessageKey),
          },
          { title: t('devices.f.connection'), key: 'conn', render: (_, d) => <code>{connectionText(d)}</code> },
          {
            title: t('devices.f.state'),
            key: 'state',
            render: (_, d) => {
              const s = deviceSummary(t, states.get(d.id));
              return (
                <span data-testid={`device-state-${d.name}`}>
                  <Tag
                    color={s.ok ? 'green' : s.warn ? 'orange' : 'red'}
                    style={{ fontSize: d.kind === 'scale' ? 16 : 12, padding: '2px 8px' }}
                  >
                    {d.active ? s.text : t('items.status.inactive')}
                  </Tag>
                  {states.get(d.id)?.detail && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {states.get(d.id)?.detail}
                    </Typography.Text>
                  )}
                </span>
              );
            },
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, d) => (
              <Space size={4} wrap>
                {d.kind === 'scale' &&
                  (['zero', 'tare', 'clearTare'] as const).map((c) => (
                    <Button
                      key={c}
                      size="small"
                      loading={busy === d.id + c}
                      disabled={!d.active}
                      onClick={() =>
                        void act(
                          d.id + c,
                          async () => (await call('devices.scaleCommand', { id: d.id, command: c }), t('devices.done')),
                        )
                      }
                    >
                      {t(`devices.cmd.${c}`)}
                    </Button>
                  ))}
                {d.kind === 'printer' && (
                  <>
                    <Button
                      size="small"
                      loading={busy === d.id + 'status'}
                      disabled={!d.active}
                      onClick={() =>
                        void act(d.id + 'status', async () => {
                          const s = await call('devices.printerStatus', { id: d.id });
                          return deviceSummary(t, s).text;
                        })
                      }
                    >
                      {t('devices.cmd.status')}
                    </Button>
                    {canEdit && (
                      <Button
                        size="small"
                        loading={busy === d.id + 'test'}
                        disabled={!d.active}
                        data-testid={`device-test-${d.name}`}
                        onClick={() =>
                          void act(
                            d.id + 'test',
                            async () => (await call('devices.testLabel', { id: d.id }), t('devices.testSent')),
                          )
                        }
                      >
                        {t('devices.cmd.testLabel')}
                      </Button>
                    )}
                  </>
                )}
                {canEdit && (
                  <>
                    <Button size="small" onClick={() => setDialog({ device: d, kind: d.kind })}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm
                      title={t('devices.removeConfirm', { name: d.name })}
                      onConfirm={() =>
                        void act(
                          d.id + 'rm',
                          async () => (await call('devices.remove', { id: d.id }), t('common.saved')),
                        )
                      }
                    >
                      <Button size="small" danger>
                        {t('devices.remove')}
                      </Button>
                    </Popconfirm>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      <DeviceModal
        open={!!dialog}
        device={dialog?.device ?? null}
        kind={dialog?.kind ?? 'scale'}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}
