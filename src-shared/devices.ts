/**
 * Device vocabulary shared by the drivers (main), the API and the screens.
 * Weights are integers: `amount` counts units of 10^-decimals of `unit`
 * (1.234 kg = { amount: 1234, decimals: 3, unit: 'kg' }); never a float.
 */

export const SCALE_PROTOCOLS = [
  'mt8217',
  'mt-sics',
  'ad-continuous',
  'cas22',
  'yaohua-tf0',
  'yaohua-reversed',
] as const;
export type ScaleProtocol = (typeof SCALE_PROTOCOLS)[number];

export const PRINTER_LANGUAGES = ['tspl', 'zpl'] as const;
export type PrinterLanguage = (typeof PRINTER_LANGUAGES)[number];

export type WeightUnit = 'kg' | 'g' | 'lb';

export interface SerialSettings {
  path: string;
  baudRate: number;
  dataBits: 7 | 8;
  parity: 'none' | 'even' | 'odd';
  stopBits: 1 | 2;
}

export interface Weight {
  amount: number;
  decimals: number;
  unit: WeightUnit;
}

/** One decoded frame. Only `weight` readings carry a number; everything else means "no weight now". */
export type ScaleReading =
  | { kind: 'weight'; weight: Weight; stable: boolean; net: boolean }
  | { kind: 'overload' }
  | { kind: 'underload' }
  /** The device answered but could not weigh (e.g. MT-SICS `S I`, 8217 status without motion). */
  | { kind: 'error'; code: string };

export type DeviceStatus = 'offline' | 'connecting' | 'online';

/** What the status bar and the receiving screen show for a scale. */
export interface ScaleState {
  status: DeviceStatus;
  reading: ScaleReading | null;
  /** ms since epoch of the last frame (or of the status change). */
  at: number;
  /** Why it is offline, in plain words for the log and the tooltip. */
  detail: string;
}

export const PRINTER_FAULTS = [
  'head_open',
  'paper_out',
  'paper_jam',
  'ribbon_out',
  'paused',
  'over_temp',
  'buffer_full',
  'cover_open',
  'no_answer',
  'other',
] as const;
export type PrinterFault = (typeof PRINTER_FAULTS)[number];

export interface PrinterStatus {
  ready: boolean;
  faults: PrinterFault[];
}

export type PrinterTransport =
  | { kind: 'serial'; serial: SerialSettings }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'file'; path: string };

/** Converts a reading to thousandths of the item's base unit (the ledger's quantity scale). */
export function weightToBaseQty(w: Weight, baseUnit: 'g' | 'ml' | 'pc'): bigint | null {
  if (baseUnit === 'pc') return null;
  // grams per unit, times 1000 (QTY_SCALE), as an exact rational amount / 10^decimals.
  const gramsPerUnit: Record<WeightUnit, bigint> = { kg: 1000n, g: 1n, lb: 0n };
  if (w.unit === 'lb') {
    // 1 lb = 453.59237 g exactly: thousandths of g = amount * 453592.37 / 10^decimals.
    const num = BigInt(w.amount) * 45359237n;
    return roundDivBig(num, 100n * 10n ** BigInt(w.decimals));
  }
  const num = BigInt(w.amount) * gramsPerUnit[w.unit] * 1000n;
  return roundDivBig(num, 10n ** BigInt(w.decimals));
}

function roundDivBig(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (a * 2n + d) / (2n * d);
  return neg ? -q : q;
}

/** "1.234 kg" for display; exact, no float formatting. */
export function formatWeight(w: Weight): string {
  const neg = w.amount < 0;
  const digits = String(Math.abs(w.amount)).padStart(w.decimals + 1, '0');
  const int = digits.slice(0, digits.length - w.decimals);
  const frac = w.decimals > 0 ? '.' + digits.slice(digits.length - w.decimals) : '';
  return `${neg ? '-' : ''}${int}${frac} ${w.unit}`;
}

/** What the settings screen needs to know about a scale protocol before any driver runs. */
export interface ScaleProtocolInfo {
  /** The host asks for each weight (8217, MT-SICS); otherwise the scale streams. */
  polled: boolean;
  /** Zero / tare / clear tare can be sent from the app. */
  commands: boolean;
  /** Frames carry a stability flag; without one, the driver calls a weight stable once it has held still (800 ms). */
  stabilityFlag: boolean;
  /** Starting serial settings (the scale's own menu has the final word). */
  serial: Omit<SerialSettings, 'path'>;
}

const SERIAL_8N1 = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 } as const;

export const SCALE_PROTOCOL_INFO: Record<ScaleProtocol, ScaleProtocolInfo> = {
  mt8217: {
    polled: true,
    commands: true,
    stabilityFlag: true,
    serial: { baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 },
  },
  'mt-sics': { polled: true, commands: true, stabilityFlag: true, serial: SERIAL_8N1 },
  'ad-continuous': { polled: false, commands: false, stabilityFlag: true, serial: SERIAL_8N1 },
  cas22: { polled: false, commands: false, stabilityFlag: true, serial: SERIAL_8N1 },
  'yaohua-tf0': { polled: false, commands: false, stabilityFlag: false, serial: SERIAL_8N1 },
  'yaohua-reversed': { polled: false, commands: false, stabilityFlag: false, serial: SERIAL_8N1 },
};
