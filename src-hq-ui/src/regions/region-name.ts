import type { Locale } from '../../../src-shared/i18n';

/** A region as a reader says it: its name in their language (regions have a Chinese and an English one). */
export function regionName(r: { nameZh: string; nameEn: string }, locale: Locale): string {
  return locale === 'zh-CN' ? r.nameZh : r.nameEn;
}
