/**
 * The simulated printer's own QR Code encoder (ISO/IEC 18004), as a printer's
 * firmware builds the symbol from the data it is sent (TSPL QRCODE, ZPL ^BQ):
 * the whole payload in its most compact single mode (numeric, alphanumeric or
 * bytes, UTF-8), the smallest version that holds it (1-10: labels carry short
 * codes and URLs), Reed-Solomon error correction, and the mask with the lowest
 * penalty. Independent of bwip-js, which the app's preview draws with, so the
 * two are checked against each other in the tests.
 */

export type QrEcc = 'L' | 'M' | 'Q' | 'H';

/** Per version 1-10: EC codewords per block, and the block groups [count, data codewords each]. */
const BLOCKS: Record<QrEcc, [number, [number, number][]][]> = {
  L: [
    [7, [[1, 19]]],
    [10, [[1, 34]]],
    [15, [[1, 55]]],
    [20, [[1, 80]]],
    [26, [[1, 108]]],
    [18, [[2, 68]]],
    [20, [[2, 78]]],
    [24, [[2, 97]]],
    [30, [[2, 116]]],
    [
      18,
      [
        [2, 68],
        [2, 69],
      ],
    ],
  ],
  M: [
    [10, [[1, 16]]],
    [16, [[1, 28]]],
    [26, [[1, 44]]],
    [18, [[2, 32]]],
    [24, [[2, 43]]],
    [16, [[4, 27]]],
    [18, [[4, 31]]],
    [
      22,
      [
        [2, 38],
        [2, 39],
      ],
    ],
    [
      22,
      [
        [3, 36],
        [2, 37],
      ],
    ],
    [
      26,
      [
        [4, 43],
        [1, 44],
      ],
    ],
  ],
  Q: [
    [13, [[1, 13]]],
    [22, [[1, 22]]],
    [18, [[2, 17]]],
    [26, [[2, 24]]],
    [
      18,
      [
        [2, 15],
        [2, 16],
      ],
    ],
    [24, [[4, 19]]],
    [
      18,
      [
        [2, 14],
        [4, 15],
      ],
    ],
    [
      22,
      [
        [4, 18],
        [2, 19],
      ],
    ],
    [
      20,
      [
        [4, 16],
        [4, 17],
      ],
    ],
    [
      24,
      [
        [6, 19],
        [2, 20],
      ],
    ],
  ],
  H: [
    [17, [[1, 9]]],
    [28, [[1, 16]]],
    [22, [[2, 13]]],
    [16, [[4, 9]]],
    [
      22,
      [
        [2, 11],
        [2, 12],
      ],
    ],
    [28, [[4, 15]]],
    [
      26,
      [
        [4, 13],
        [1, 14],
      ],
    ],
    [
      26,
      [
        [4, 14],
        [2, 15],
      ],
    ],
    [
      24,
      [
        [4, 12],
        [4, 13],
      ],
    ],
    [
      28,
      [
        [6, 15],
        [2, 16],
      ],
    ],
  ],
};
const ALIGNMENT = [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]];
const MAX_VERSION = 10;
const EC_FORMAT_BITS: Record<QrEcc, number> = { L: 1, M: 0, Q: 3, H: 2 };
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

// --- Reed-Solomon over GF(256), polynomial x^8 + x^4 + x^3 + x^2 + 1 ----------------------------

function gfMul(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z & 0xff;
}

function rsDivisor(degree: number): number[] {
  const result = new Array<number>(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMul(result[j]!, root);
      if (j + 1 < degree) result[j] = result[j]! ^ result[j + 1]!;
    }
    root = gfMul(root, 0x02);
  }
  return result;
}

function rsRemainder(data: readonly number[], divisor: readonly number[]): number[] {
  const result = new Array<number>(divisor.length).fill(0);
  for (const b of data) {
    const factor = b ^ result.shift()!;
    result.push(0);
    divisor.forEach((d, i) => (result[i] = result[i]! ^ gfMul(d, factor)));
  }
  return result;
}

// --- Data bits ----------------------------------------------------------------------------------

type Mode = 'numeric' | 'alphanumeric' | 'byte';

function modeOf(data: string): Mode {
  if (/^\d*$/.test(data)) return 'numeric';
  if ([...data].every((c) => ALPHANUMERIC.includes(c))) return 'alphanumeric';
  return 'byte';
}

function countBits(mode: Mode, version: number): number {
  const small = version <= 9;
  return mode === 'numeric' ? (small ? 10 : 12) : mode === 'alphanumeric' ? (small ? 9 : 11) : small ? 8 : 16;
}

function segmentBits(data: string, mode: Mode, version: number): number[] {
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  const bytes = Buffer.from(data, 'utf8');
  put({ numeric: 1, alphanumeric: 2, byte: 4 }[mode], 4);
  put(mode === 'byte' ? bytes.length : data.length, countBits(mode, version));
  if (mode === 'numeric') {
    for (let i = 0; i < data.length; i += 3) {
      const group = data.slice(i, i + 3);
      put(Number(group), group.length * 3 + 1);
    }
  } else if (mode === 'alphanumeric') {
    for (let i = 0; i < data.length; i += 2) {
      const a = ALPHANUMERIC.indexOf(data[i]!);
      if (i + 1 < data.length) put(a * 45 + ALPHANUMERIC.indexOf(data[i + 1]!), 11);
      else put(a, 6);
    }
  } else for (const b of bytes) put(b, 8);
  return bits;
}

const dataCapacity = (ecc: QrEcc, version: number) =>
  BLOCKS[ecc][version - 1]![1].reduce((n, [count, each]) => n + count * each, 0);

/** The final codeword sequence: data and error correction, interleaved by block. */
function codewords(data: string, ecc: QrEcc): { version: number; words: number[] } {
  const mode = modeOf(data);
  for (let version = 1; version <= MAX_VERSION; version++) {
    const capacity = dataCapacity(ecc, version) * 8;
    const bits = segmentBits(data, mode, version);
    if (bits.length > capacity) continue;
    bits.push(...new Array<number>(Math.min(4, capacity - bits.length)).fill(0)); // terminator
    while (bits.length % 8) bits.push(0);
    const bytes: number[] = [];
    for (let i = 0; i < bits.length; i += 8) bytes.push(bits.slice(i, i + 8).reduce((v, b) => (v << 1) | b, 0));
    for (let pad = 0xec; bytes.length < capacity / 8; pad ^= 0xec ^ 0x11) bytes.push(pad);

    const [ecPerBlock, groups] = BLOCKS[ecc][version - 1]!;
    const divisor = rsDivisor(ecPerBlock);
    const blocks: { data: number[]; ec: number[] }[] = [];
    let k = 0;
    for (const [count, each] of groups) {
      for (let b = 0; b < count; b++) {
        const d = bytes.slice(k, (k += each));
        blocks.push({ data: d, ec: rsRemainder(d, divisor) });
      }
    }
    const words: number[] = [];
    const longest = Math.max(...blocks.map((b) => b.data.length));
    for (let i = 0; i < longest; i++) for (const b of blocks) if (i < b.data.length) words.push(b.data[i]!);
    for (let i = 0; i < ecPerBlock; i++) for (const b of blocks) words.push(b.ec[i]!);
    return { version, words };
  }
  throw new Error(`QR data of ${Buffer.byteLength(data)} bytes does not fit version ${MAX_VERSION} at level ${ecc}`);
}

// --- The symbol ---------------------------------------------------------------------------------

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

class Symbol {
  readonly size: number;
  readonly dark: boolean[][];
  readonly fixed: boolean[][];

  constructor(
    readonly version: number,
    readonly ecc: QrEcc,
  ) {
    this.size = 17 + 4 * version;
    this.dark = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.fixed = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
  }

  private set(x: number, y: number, dark: boolean): void {
    this.dark[y]![x] = dark;
    this.fixed[y]![x] = true;
  }

  drawFunctionPatterns(): void {
    const s = this.size;
    for (let i = 0; i < s; i++) {
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    for (const [cx, cy] of [
      [3, 3],
      [s - 4, 3],
      [3, s - 4],
    ] as const) {
      for (let dy = -4; dy <= 4; dy++) {
        for (let dx = -4; dx <= 4; dx++) {
          const x = cx + dx;
          const y = cy + dy;
          const ring = Math.max(Math.abs(dx), Math.abs(dy));
          if (x >= 0 && x < s && y >= 0 && y < s) this.set(x, y, ring !== 2 && ring !== 4);
        }
      }
    }
    const centres = ALIGNMENT[this.version - 1]!;
    const last = centres.length - 1;
    centres.forEach((cx, i) =>
      centres.forEach((cy, j) => {
        if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return; // the finders
        for (let dy = -2; dy <= 2; dy++) {
          for (let dx = -2; dx <= 2; dx++) this.set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
        }
      }),
    );
    this.drawFormat(0); // reserves the area; redrawn with the chosen mask
    if (this.version >= 7) {
      let rem = this.version;
      for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
      const bits = (this.version << 12) | rem;
      for (let i = 0; i < 18; i++) {
        const bit = ((bits >>> i) & 1) === 1;
        const a = s - 11 + (i % 3);
        const b = Math.floor(i / 3);
        this.set(a, b, bit);
        this.set(b, a, bit);
      }
    }
  }

  drawFormat(mask: number): void {
    const data = (EC_FORMAT_BITS[this.ecc] << 3) | mask;
    let rem = data;
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    const bits = ((data << 10) | rem) ^ 0x5412;
    const bit = (i: number) => ((bits >>> i) & 1) === 1;
    const s = this.size;
    for (let i = 0; i <= 5; i++) this.set(8, i, bit(i));
    this.set(8, 7, bit(6));
    this.set(8, 8, bit(7));
    this.set(7, 8, bit(8));
    for (let i = 9; i < 15; i++) this.set(14 - i, 8, bit(i));
    for (let i = 0; i < 8; i++) this.set(s - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) this.set(8, s - 15 + i, bit(i));
    this.set(8, s - 8, true); // the dark module
  }

  /** Codeword bits in the zigzag order: two columns at a time, from the bottom right, around the timing column. */
  drawCodewords(words: readonly number[]): void {
    let i = 0;
    for (let right = this.size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (let vert = 0; vert < this.size; vert++) {
        for (let j = 0; j < 2; j++) {
          const x = right - j;
          const upward = ((right + 1) & 2) === 0;
          const y = upward ? this.size - 1 - vert : vert;
          if (this.fixed[y]![x] || i >= words.length * 8) continue;
          this.dark[y]![x] = ((words[i >>> 3]! >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
      }
    }
  }

  applyMask(mask: number): void {
    for (let y = 0; y < this.size; y++) {
      for (let x = 0; x < this.size; x++)
        if (!this.fixed[y]![x] && MASKS[mask]!(x, y)) this.dark[y]![x] = !this.dark[y]![x];
    }
  }

  /** The standard's four penalty rules (N1 = 3, N2 = 3, N3 = 40, N4 = 10); the light border counts as light. */
  penalty(): number {
    const s = this.size;
    let total = 0;
    const lines = (get: (a: number, b: number) => boolean) => {
      for (let a = 0; a < s; a++) {
        let color = false;
        let run = 0;
        const history = [0, 0, 0, 0, 0, 0, 0];
        const push = (length: number) => {
          history.pop();
          history.unshift(history[0] === 0 && history.every((h) => h === 0) ? length + s : length);
        };
        const finders = () => {
          const n = history[1]!;
          const core = n > 0 && history[2] === n && history[3] === n * 3 && history[4] === n && history[5] === n;
          return (
            (core && history[0]! >= n * 4 && history[6]! >= n ? 1 : 0) +
            (core && history[6]! >= n * 4 && history[0]! >= n ? 1 : 0)
          );
        };
        for (let b = 0; b < s; b++) {
          if (get(a, b) === color) {
            run++;
            if (run === 5) total += 3;
            else if (run > 5) total++;
          } else {
            push(run);
            if (!color) total += finders() * 40;
            color = get(a, b);
            run = 1;
          }
        }
        if (color) {
          push(run);
          run = 0;
        }
        push(run + s);
        total += finders() * 40;
      }
    };
    lines((y, x) => this.dark[y]![x]!);
    lines((x, y) => this.dark[y]![x]!);
    for (let y = 0; y < s - 1; y++) {
      for (let x = 0; x < s - 1; x++) {
        const c = this.dark[y]![x];
        if (c === this.dark[y]![x + 1] && c === this.dark[y + 1]![x] && c === this.dark[y + 1]![x + 1]) total += 3;
      }
    }
    const dark = this.dark.reduce((n, row) => n + row.filter(Boolean).length, 0);
    total += (Math.ceil(Math.abs(dark * 20 - s * s * 10) / (s * s)) - 1) * 10;
    return total;
  }
}

export interface QrMatrix {
  version: number;
  size: number;
  mask: number;
  dark(x: number, y: number): boolean;
}

/** The QR symbol for `data` at level `ecc`; `mask` forces a mask pattern (tests), otherwise the best one. */
export function qrSymbol(data: string, ecc: QrEcc, opts: { mask?: number } = {}): QrMatrix {
  const { version, words } = codewords(data, ecc);
  const build = (mask: number) => {
    const q = new Symbol(version, ecc);
    q.drawFunctionPatterns();
    q.drawCodewords(words);
    q.applyMask(mask);
    q.drawFormat(mask);
    return q;
  };
  let mask = opts.mask ?? 0;
  if (opts.mask === undefined) {
    let best = Infinity;
    for (let m = 0; m < 8; m++) {
      const p = build(m).penalty();
      if (p < best) [best, mask] = [p, m];
    }
  }
  const q = build(mask);
  return { version, size: q.size, mask, dark: (x, y) => q.dark[y]![x]! };
}
