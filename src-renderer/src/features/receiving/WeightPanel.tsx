import type { ReactNode } from 'react';
import { Button, Radio, Select, Space, Tag, Typography } from 'antd';
import type { Device } from '../../../../src-shared/api/methods/devices';
import { formatWeight, weightToBaseQty } from '../../../../src-shared/devices';
import { formatScaled } from '../../../../src-shared/quantity';
import { useDeviceStates } from '../../lib/devices';
import { useI18n } from '../../lib/i18n';
import { deviceSummary } from '../../components/DeviceBadge';
import type { LiveWeight } from './line-draft';

/**
 * The live weight of the chosen scale, large enough to read from the dock,
 * with its stability, and the tare: a container preset (crate 1.2 kg) or the
 * scale's own tare (the reading is then already net).
 */
export function useWeightPanel(props: {
  scales: Device[];
  scaleId: string | null;
  onScale(id: string): void;
  tarePresets: { name: string; grams: number }[];
  tareGrams: number;
  onTare(grams: number): void;
  onScaleCommand(command: 'zero' | 'tare' | 'clearTare'): void;
}): { panel: ReactNode; live: LiveWeight | null } {
  const { t } = useI18n();
  const states = useDeviceStates();
  const state = props.scaleId ? states.get(props.scaleId) : undefined;
  const r = state?.status === 'online' ? state.reading : null;
  const weight = r?.kind === 'weight' ? r : null;
  const gross = weight ? weightToBaseQty(weight.weight, 'g') : null;
  const tare = props.tareGrams * 1000;
  const live: LiveWeight | null =
    weight && gross !== null && props.scaleId
      ? { scaleId: props.scaleId, gross: Number(gross), tare, stable: weight.stable }
      : null;
  const summary = deviceSummary(t, state);
  const net = live ? live.gross - live.tare : null;

  const panel = (
    <div data-testid="weight-panel">
      <Space style={{ marginBottom: 8 }} wrap>
        {props.scales.length > 1 && (
          <Select
            size="small"
            value={props.scaleId}
            onChange={props.onScale}
            options={props.scales.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        <Button size="small" onClick={() => props.onScaleCommand('zero')}>
          {t('devices.cmd.zero')}
        </Button>
        <Button size="small" onClick={() => props.onScaleCommand('tare')}>
          {t('devices.cmd.tare')}
        </Button>
      </Space>
      <div
        style={{
          fontSize: 44,
          fontWeight: 600,
          fontVariantNumeric: 'tabular-nums',
          lineHeight: 1.1,
          color: live?.stable ? '#237804' : '#ad6800',
        }}
        data-testid="live-weight"
        data-stable={live?.stable ? 'yes' : 'no'}
      >
        {weight ? formatWeight(weight.weight) : '—'}
      </div>
      <Space style={{ margin: '4px 0 8px' }}>
        <Tag color={live?.stable ? 'green' : summary.warn ? 'orange' : 'red'} data-testid="weight-state">
          {summary.text}
        </Tag>
        {weight?.net && <Tag>{t('receiving.scaleNet')}</Tag>}
      </Space>
      <div>
        <Typography.Text type="secondary">{t('receiving.tare')}: </Typography.Text>
        <Radio.Group
          size="small"
          optionType="button"
          value={props.tareGrams}
          onChange={(e) => props.onTare(Number(e.target.value))}
          options={[
            { value: 0, label: t('receiving.noTare') },
            // Grams as kg, exactly: 1200 -> "1.2 kg".
            ...props.tarePresets.map((p) => ({ value: p.grams, label: `${p.name} ${formatScaled(p.grams, 1000)} kg` })),
          ]}
          data-testid="tare-presets"
        />
      </div>
      {net !== null && (
        <Typography.Title level={4} style={{ margin: '8px 0 0' }} data-testid="net-weight">
          {t('receiving.net')}: {formatScaled(net, 1_000_000, 3)} kg
        </Typography.Title>
      )}
    </div>
  );
  return { panel, live };
}
