import { inflateRawSync } from 'node:zlib';
import { SheetRefusal, type SheetLimits } from './limits';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared by the central directory; checked, but not trusted while inflating. */
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const broken = (what: string) => new SheetRefusal('unreadable', { reason: what });

/**
 * A zip read for untrusted input: the central directory is checked (entry
 * count, declared sizes) before anything is inflated, and each entry is then
 * inflated with a hard output cap from the budget left, so an entry that lies
 * about its size stops at the cap instead of filling the heap.
 */
export class BoundedZip {
  private readonly entries = new Map<string, ZipEntry>();
  private budget: number;
  private readonly limit: number;

  constructor(
    private readonly buf: Buffer,
    limits: Pick<SheetLimits, 'maxZipEntries' | 'maxUncompressedBytes'>,
  ) {
    this.limit = this.budget = limits.maxUncompressedBytes;
    const eocd = findEocd(buf);
    const count = buf.readUInt16LE(eocd + 10);
    const cdOffset = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) throw broken('ZIP64 archives are not read');
    if (count > limits.maxZipEntries) {
      throw new SheetRefusal('tooManyEntries', { count, max: limits.maxZipEntries });
    }
    let declared = 0;
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw broken('damaged zip directory');
      const flags = buf.readUInt16LE(p + 8);
      const nameLen = buf.readUInt16LE(p + 28);
      const entry: ZipEntry = {
        method: buf.readUInt16LE(p + 10),
        compressedSize: buf.readUInt32LE(p + 20),
        size: buf.readUInt32LE(p + 24),
        localOffset: buf.readUInt32LE(p + 42),
        name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      };
      if (flags & 1) throw new SheetRefusal('oldFormat', { reason: 'encrypted' });
      declared += entry.size;
      if (declared > limits.maxUncompressedBytes) {
        throw new SheetRefusal('uncompressedTooBig', { max: mb(limits.maxUncompressedBytes) });
      }
      this.entries.set(entry.name, entry);
      p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, or null when the zip has no such entry. */
  read(name: string): Buffer | null {
    const e = this.entries.get(name);
    if (!e) return null;
    const { buf } = this;
    if (e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== LOCAL) throw broken('damaged zip entry');
    const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    if (data.length !== e.compressedSize) throw broken('truncated zip entry');
    let out: Buffer;
    if (e.method === 0) out = data;
    else if (e.method === 8) {
      try {
        // One byte over the budget is enough to know the budget is exceeded.
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, this.budget + 1) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw this.tooBig();
        throw broken('damaged compressed data');
      }
    } else throw broken(`compression method ${e.method}`);
    if (out.length > this.budget) throw this.tooBig();
    this.budget -= out.length;
    return out;
  }

  private tooBig() {
    return new SheetRefusal('uncompressedTooBig', { max: mb(this.limit) });
  }
}

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

function findEocd(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 64 KB.
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 0xffff); p--) {
    if (buf.readUInt32LE(p) === EOCD) return p;
  }
  throw broken('not a zip file');
}
