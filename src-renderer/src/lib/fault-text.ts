import type { MessageKey } from '../../../src-shared/i18n';
import { PRINTER_FAULTS } from '../../../src-shared/devices';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A label job's error column (fault codes, or a device error key) in words. */
export function faultText(t: T, error: string): string {
  if (error.startsWith('devices.error.')) return t(error as MessageKey, { detail: '', faults: '' });
  return error
    .split(',')
    .filter(Boolean)
    .map((f) => ((PRINTER_FAULTS as readonly string[]).includes(f) ? t(`devices.fault.${f}` as MessageKey) : f))
    .join(', ');
}
