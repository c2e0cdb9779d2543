import { formatScaled } from './quantity';

/**
 * A quantity for people: kg and l once it reaches one of them, the base unit
 * below ('12.5 kg', '500 g', '24 pc'). Exact: the integers are formatted, not
 * divided as floats.
 */
export function sizeText(qty: number, baseUnit: string): string {
  if (baseUnit === 'g' && Math.abs(qty) >= 1_000_000) return `${formatScaled(qty, 1_000_000)} kg`;
  if (baseUnit === 'ml' && Math.abs(qty) >= 1_000_000) return `${formatScaled(qty, 1_000_000)} l`;
  return `${formatScaled(qty, 1000)} ${baseUnit}`;
}
