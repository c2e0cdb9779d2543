/**
 * Just enough XML for the parts of an XLSX an import reads. Every scan is a
 * forward pass with indexOf or a regex without backtracking over nested
 * quantifiers, so its cost stays linear in the (already bounded) text.
 */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Excel's own escape for characters XML cannot carry (`_x000D_` is a carriage return). */
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function codePoint(n: number): string {
  return n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
}

export function unescapeXml(text: string): string {
  const plain =
    text.indexOf('&') < 0
      ? text
      : text.replace(ENTITY, (_, hex?: string, dec?: string, name?: string) =>
          hex ? codePoint(parseInt(hex, 16)) : dec ? codePoint(Number(dec)) : NAMED[name!]!,
        );
  return plain.indexOf('_x') < 0
    ? plain
    : plain.replace(OOXML_ESCAPE, (_, hex: string) => codePoint(parseInt(hex, 16)));
}

/** The value of one attribute in a tag's attribute text (prefixes like `r:id` are part of the name). */
export function attr(attrs: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

const T_ELEMENT = /<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g;

/**
 * The text of every `<t>` element in a fragment (a shared string or an inline
 * string), in order, leaving out phonetic runs (`<rPh>`, readings Excel does
 * not show in the cell).
 */
export function textRuns(fragment: string): string {
  let shown = fragment;
  if (fragment.includes('rPh')) {
    shown = '';
    let from = 0;
    for (let at = fragment.indexOf('<rPh', from); at >= 0; at = fragment.indexOf('<rPh', from)) {
      shown += fragment.slice(from, at);
      const close = fragment.indexOf('</rPh>', at);
      from = close < 0 ? fragment.length : close + 6;
    }
    shown += fragment.slice(from);
  }
  let out = '';
  for (const m of shown.matchAll(T_ELEMENT)) out += unescapeXml(m[1]!);
  return out;
}

/** `<name attrs>` tags (optionally namespace-prefixed) in a document, with their attribute text. */
export function* tags(xml: string, name: string): Generator<string> {
  const re = new RegExp(`<(?:\\w+:)?${name}\\b([^>]*)>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) yield m[1]!;
}
