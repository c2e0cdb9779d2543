import { useQuery } from './query';

/**
 * HQ's name once this store is enrolled, else null. From then on HQ owns the
 * master data's shared fields (names, units, categories, supplier details,
 * catalogue lines): screens show them read-only and hide "new" and "delete"
 * for what HQ adds and removes. The server refuses such edits anyway; this
 * only spares the user a form they cannot save.
 */
export function useHqOwned(): string | null {
  const status = useQuery('sync.status', {});
  const s = status.data;
  if (!s?.enrolled) return null;
  // An HQ without a configured name is named by its address ("Managed by HQ (hq.chain.cn)").
  return s.hqName || hostOf(s.hqUrl) || 'HQ';
}

function hostOf(url: string | null): string {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return url ?? '';
  }
}
