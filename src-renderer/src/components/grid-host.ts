import { createContext, useContext } from 'react';

/**
 * What a DataGrid needs from the app it is in: where a user's column layout
 * is kept (the store keeps it per user on its backend, HQ in the browser),
 * and the app's query cache's invalidations (a server-side grid's blocks go
 * stale with the methods it names). Each app provides one at its root.
 */
export interface GridHost {
  loadColumns(key: string): Promise<unknown>;
  saveColumns(key: string, value: unknown): Promise<void>;
  onInvalidate(methods: readonly string[], run: () => void): () => void;
}

export const GridHostContext = createContext<GridHost | null>(null);

export function useGridHost(): GridHost {
  const host = useContext(GridHostContext);
  if (!host) throw new Error('DataGrid outside a GridHostContext provider');
  return host;
}
