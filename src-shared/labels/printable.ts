/**
 * What a label may carry from its data and templates. Names, lots and
 * template texts are typed by people (and imported from files): a line break
 * or a control byte in them must not reach a printer job, where CR LF ends a
 * TSPL command and ESC ! is an immediate command even in the middle of a job.
 * The layout cleans every text and barcode payload with these before any
 * printer language sees it; tspl.ts and zpl.ts then escape what is left that
 * their own syntax gives a meaning to (quotes, carets).
 */

/** Line and paragraph breaks of every kind: a label line is one line. */
const BREAKS = /[\r\n\t\v\f\u0085\u2028\u2029]+/g;
/** C0 and C1 control characters and DEL: nothing a label prints. */

const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Text as printed on one label line: breaks become one space, other control characters are dropped. */
export function printableText(s: string): string {
  return s.replace(BREAKS, ' ').replace(CONTROLS, '');
}

/** A barcode payload without control characters (FNC1 and separators are added by the encoders, not taken from data). */
export function printablePayload(s: string): string {
  return s.replace(CONTROLS, '');
}
