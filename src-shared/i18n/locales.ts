import type { MessageKey } from './en';

/*
 * What both sides need of the languages without their texts: the screens load
 * only the catalogue of the language on screen (src-renderer/src/lib/i18n.tsx),
 * the backend has both (index.ts).
 */

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };
/** Every text of one language by key. */
export type Catalog = Record<MessageKey, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps an OS/browser language tag (zh, zh-Hans-CN, en-US, ...) to a supported locale. */
export function pickLocale(tags: readonly string[] | string | undefined | null): Locale {
  const list = typeof tags === 'string' ? tags.split(',') : (tags ?? []);
  for (const raw of list) {
    const tag = raw.trim().split(';')[0]?.toLowerCase() ?? '';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Fills `{name}` placeholders; unknown ones stay visible. */
export function fillParams(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
