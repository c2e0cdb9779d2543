import { existsSync } from 'node:fs';

/**
 * A font with Chinese glyphs for PDFs (pdfkit's built-in fonts have none).
 * A .ttc collection needs the PostScript name of the face to use. The list
 * covers Debian/Ubuntu (fonts-wqy-microhei, the package the app asks for),
 * Fedora, Windows and macOS; BACKOFFICE_PDF_FONT=/path/font.ttc#FaceName
 * points at any other.
 */
export const CJK_FONTS: readonly { path: string; face?: string }[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', face: 'MicrosoftYaHei' },
  { path: 'C:\\Windows\\Fonts\\simhei.ttf' },
  { path: 'C:\\Windows\\Fonts\\simsun.ttc', face: 'SimSun' },
  { path: '/System/Library/Fonts/PingFang.ttc', face: 'PingFangSC-Regular' },
  { path: '/System/Library/Fonts/STHeiti Light.ttc', face: 'STHeitiSC-Light' },
  { path: '/Library/Fonts/Arial Unicode.ttf' },
];

/** Fonts to try, the configured one first, keeping only files that exist. */
export function cjkFontCandidates(env: NodeJS.ProcessEnv = process.env): { path: string; face?: string }[] {
  const own = env.BACKOFFICE_PDF_FONT?.trim();
  const list = [...CJK_FONTS];
  if (own) {
    const [path, face] = own.split('#');
    list.unshift({ path: path!, face: face || undefined });
  }
  return list.filter((f) => existsSync(f.path));
}
