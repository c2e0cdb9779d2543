import { Badge, Tooltip } from 'antd';
import type { Device, DeviceState } from '../../../src-shared/api/methods/devices';
import { formatWeight } from '../../../src-shared/devices';
import type { MessageKey } from '../../../src-shared/i18n';
import { useI18n } from '../lib/i18n';

type T = ReturnType<typeof useI18n>['t'];

/** One line for a device: "1.234 kg · stable", "out of labels", "offline". */
export function deviceSummary(t: T, state: DeviceState | undefined): { text: string; ok: boolean; warn: boolean } {
  if (!state || state.status !== 'online') {
    return {
      text: t(state?.status === 'connecting' ? 'devices.state.connecting' : 'devices.state.offline'),
      ok: false,
      warn: false,
    };
  }
  if (state.kind === 'printer') {
    if (state.faults.length === 0) return { text: t('devices.state.ready'), ok: true, warn: false };
    return { text: state.faults.map((f) => t(`devices.fault.${f}` as MessageKey)).join(', '), ok: false, warn: true };
  }
  const r = state.reading;
  if (!r) return { text: t('devices.state.noReading'), ok: true, warn: true };
  if (r.kind === 'overload') return { text: t('devices.state.overload'), ok: false, warn: true };
  if (r.kind === 'underload') return { text: t('devices.state.underload'), ok: false, warn: true };
  if (r.kind === 'error') return { text: t('devices.state.scaleError', { code: r.code }), ok: false, warn: true };
  return {
    text: `${formatWeight(r.weight)} · ${t(r.stable ? 'devices.state.stable' : 'devices.state.moving')}`,
    ok: r.stable,
    warn: !r.stable,
  };
}

export function DeviceBadge({ device, state }: { device: Device; state: DeviceState | undefined }) {
  const { t } = useI18n();
  const s = deviceSummary(t, state);
  return (
    <Tooltip title={state?.detail || undefined}>
      <Badge
        status={s.ok ? 'success' : s.warn ? 'warning' : 'error'}
        text={
          <span style={{ fontSize: 12 }} data-testid={`device-badge-${device.id}`}>
            {device.name}: {s.text}
          </span>
        }
      />
    </Tooltip>
  );
}
