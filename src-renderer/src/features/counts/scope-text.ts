import type { CountHeaderDto } from '../../../../src-shared/api/methods/counts';
import type { MessageKey } from '../../../../src-shared/i18n';

type Named = { id?: string; code: string; nameZh: string; nameEn: string };

/** "冷库, 干货库 · meat" or "All areas": what a count covers, in the user's language. */
export function scopeText(
  c: Pick<CountHeaderDto, 'areaIds' | 'categories'>,
  areas: Named[] | undefined,
  categories: Named[] | undefined,
  locale: string,
  t: (k: MessageKey) => string,
): string {
  const name = (o: Named) => (locale === 'zh-CN' ? o.nameZh : o.nameEn);
  const a = c.areaIds.length
    ? c.areaIds.map((id) => (areas?.find((x) => x.id === id) ? name(areas.find((x) => x.id === id)!) : '?')).join(', ')
    : t('counts.allAreas');
  const cats = c.categories.length
    ? c.categories.map((code) => {
        const found = categories?.find((x) => x.code === code);
        return found ? name(found) : code;
      })
    : [t('counts.allCategories')];
  return `${a} · ${cats.join(', ')}`;
}
