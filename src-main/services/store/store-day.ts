import type { Ctx } from '../context';
import { dayKeyer } from '../../../src-shared/time';
import { storeRow } from './settings';

/** The store's business day now ('YYYY-MM-DD'), in its time zone. */
export function storeDay(ctx: Ctx, at: number = ctx.now): string {
  return dayKeyer(storeRow(ctx.db)?.timezone ?? 'UTC')(at);
}
