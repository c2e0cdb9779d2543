import { weightToBaseQty } from '../../../src-shared/devices';
import { AppError } from '../app-error';
import type { Ctx } from '../context';

/**
 * A weighed line names the scale it was read from: the weight posted must be
 * the one that scale shows now, stable. A reading that changed between the
 * screen and the post (the crate was lifted, a second crate put on) is
 * refused, so no wrong weight is ever recorded.
 */
export function checkLiveWeight(
  ctx: Ctx,
  weighed: { gross: number; stable: boolean; scaleId?: string | undefined },
  baseUnit: 'g' | 'ml' | 'pc',
): void {
  if (!weighed.scaleId) return;
  const state = ctx.devices.states().find((s) => s.id === weighed.scaleId);
  const fail = (
    key: 'receiving.error.scaleOffline' | 'receiving.error.liveUnstable' | 'receiving.error.weightChanged',
  ) => {
    throw new AppError('CONFLICT', key, undefined, [{ path: 'line.weighed.gross', key }]);
  };
  if (!state || state.status !== 'online') fail('receiving.error.scaleOffline');
  const r = state!.reading;
  if (!r || r.kind !== 'weight' || !r.stable || !weighed.stable) fail('receiving.error.liveUnstable');
  if (r!.kind !== 'weight') return;
  const live = weightToBaseQty(r!.weight, baseUnit);
  // A net reading is what is on the platter minus the scale's own tare: the screen sends it as gross with tare 0.
  if (live === null || Number(live) !== weighed.gross) fail('receiving.error.weightChanged');
}
