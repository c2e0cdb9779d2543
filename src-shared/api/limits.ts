/**
 * Bounds on the shape of any API input. A call's input is a tree of plain JSON
 * values a screen built; nothing the app sends nests deeper than a dozen
 * levels. Deeper input is refused before validation, which (like any recursive
 * walk) would otherwise run out of stack on 100,000 nested arrays.
 */
export const MAX_INPUT_DEPTH = 64;

/**
 * True when the JSON text nests arrays/objects deeper than `max`. A linear scan
 * of the text, so an 8 MB body of `[[[[…` is refused without being parsed.
 */
export function jsonTextTooDeep(text: string, max = MAX_INPUT_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * True when a value nests deeper than `max`, or is not a tree (a cycle or an
 * object reached twice, which JSON cannot express and only a crafted IPC
 * message can carry). Iterative and linear in the number of nodes.
 */
export function valueTooDeep(value: unknown, max = MAX_INPUT_DEPTH): boolean {
  const seen = new Set<object>();
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max || seen.has(v)) return true;
    seen.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
