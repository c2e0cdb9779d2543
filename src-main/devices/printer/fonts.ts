/**
 * A CJK font file for rendering labels (preview, simulator, ZPL text as
 * graphics). Without one, Chinese renders as empty boxes.
 */
import { existsSync } from 'node:fs';

export interface CjkFont {
  path: string;
  /** The family name to ask for in SVG. */
  family: string;
}

const CANDIDATES: CjkFont[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'Microsoft YaHei' },
  { path: 'C:\\Windows\\Fonts\\simsun.ttc', family: 'SimSun' },
  { path: '/System/Library/Fonts/PingFang.ttc', family: 'PingFang SC' },
  { path: '/System/Library/Fonts/STHeiti Light.ttc', family: 'Heiti SC' },
];

/** Families listed in SVG text, so a browser showing the SVG picks whatever CJK font it has. */
export const CJK_FONT_STACK = [
  'WenQuanYi Micro Hei',
  'Noto Sans CJK SC',
  'Microsoft YaHei',
  'PingFang SC',
  'SimSun',
  'sans-serif',
];

let cached: CjkFont | null | undefined;

/** The first CJK font found (env LABEL_CJK_FONT=path|family overrides), or null: then system fonts are used. */
export function findCjkFont(): CjkFont | null {
  if (cached !== undefined) return cached;
  const env = process.env.LABEL_CJK_FONT;
  if (env) {
    const [path, family] = env.split('|');
    if (path && family && existsSync(path)) return (cached = { path, family });
  }
  cached = CANDIDATES.find((c) => existsSync(c.path)) ?? null;
  return cached;
}
