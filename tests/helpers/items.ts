import { unpackItemRow, type ItemRow } from '../../src-shared/api/methods/items';
import type { MethodInput, MethodName, MethodOutput } from '../../src-shared/api';

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

export type JoinedItemRow = ItemRow & {
  categoryZh: string | null;
  categoryEn: string | null;
  areaCode: string | null;
  areaZh: string | null;
  areaEn: string | null;
};

/** items.list unpacked, with category and area names joined the way the item grid shows them. */
export async function itemRows(call: Call): Promise<JoinedItemRow[]> {
  const [packed, categories, areas] = await Promise.all([
    call('items.list', {}),
    call('categories.list', {}),
    call('areas.list', {}),
  ]);
  const cat = new Map(categories.map((c) => [c.code, c]));
  const area = new Map(areas.map((a) => [a.id, a]));
  return packed.map((p) => {
    const r = unpackItemRow(p);
    const c = cat.get(r.category);
    const a = r.storageAreaId ? area.get(r.storageAreaId) : undefined;
    return {
      ...r,
      categoryZh: c?.nameZh ?? null,
      categoryEn: c?.nameEn ?? null,
      areaCode: a?.code ?? null,
      areaZh: a?.nameZh ?? null,
      areaEn: a?.nameEn ?? null,
    };
  });
}
