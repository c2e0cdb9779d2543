/** One inclusive byte range of a file. */
export interface ByteRange {
  start: number;
  end: number;
}

/** More ranges than this in one request is not a download, it is an attack on the server (CVE-2011-3192). */
const MAX_RANGES = 200;

/**
 * A `Range: bytes=…` header against a file of `size` bytes (RFC 9110 §14):
 * null means serve the whole file (no header, another unit, or a header that
 * cannot be read, as the RFC allows); 'unsatisfiable' means 416.
 * electron-updater's differential download asks for many ranges at once.
 */
export function parseRange(header: string | undefined, size: number): ByteRange[] | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(.+)$/i.exec(header.trim());
  if (!m) return null;
  const specs = m[1]!.split(',').map((s) => s.trim());
  if (specs.length > MAX_RANGES) return null;
  const ranges: ByteRange[] = [];
  for (const spec of specs) {
    const r = /^(\d*)-(\d*)$/.exec(spec);
    if (!r || (r[1] === '' && r[2] === '')) return null;
    if (r[1] === '') {
      const suffix = Number(r[2]);
      if (suffix === 0) continue;
      ranges.push({ start: Math.max(0, size - suffix), end: size - 1 });
      continue;
    }
    const start = Number(r[1]);
    const end = r[2] === '' ? size - 1 : Math.min(Number(r[2]), size - 1);
    if (r[2] !== '' && Number(r[2]) < start) return null;
    if (start >= size) continue;
    ranges.push({ start, end });
  }
  return ranges.length === 0 ? 'unsatisfiable' : ranges;
}
