import type { ShellScreen } from './pages';

/** A delivery line as the receiving desk takes it: typed quantity and unit, price per `priceUnit` (ten-thousandths). */
export interface ReceiveLine {
  itemId: string;
  qty: string;
  unit: string;
  price: number;
  priceUnit: string;
  lot?: string;
  expiry?: string;
  /** °C, for chilled and frozen categories (the demo's meat and seafood). */
  temperature?: number;
}

/**
 * Brings stock in the way a store does, through the signed-in user's session:
 * a receipt without an order at the receiving desk, its lines posted (the
 * warnings of an unordered delivery confirmed), the receipt finished. No API
 * method posts arbitrary movements.
 */
export async function receiveStock(shell: ShellScreen, areaId: string, lines: ReceiveLine[]): Promise<void> {
  const api = async <T>(method: string, input: unknown): Promise<T> => {
    const res = await shell.callApi(method, input);
    const body = res.body as { ok: boolean; value?: T; error?: unknown };
    if (!body.ok) throw new Error(`${method} failed (${res.status}): ${JSON.stringify(body.error)}`);
    return body.value as T;
  };
  const receipt = await api<{ id: string }>('receipts.open', { areaId });
  for (const line of lines) await api('receipts.addLine', { receiptId: receipt.id, line });
  await api('receipts.postAll', { receiptId: receipt.id, confirm: true });
  await api('receipts.finish', { receiptId: receipt.id });
}
