/**
 * Waste as a share of what a store consumed, in basis points (1234 = 12.34 %):
 * waste ÷ (usage + waste), both the period summary's columns, so transfer
 * variances count as waste and sales and maintenance as usage, by the
 * store's own rules. Null when nothing was consumed. One rule for HQ's
 * dashboard per store and for the chain's total on screen.
 */
export function wasteBasisPoints(wasteValue: number, usageValue: number): number | null {
  const consumed = usageValue + wasteValue;
  if (consumed <= 0) return null;
  return Math.round((wasteValue * 10_000) / consumed);
}
