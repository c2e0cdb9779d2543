import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src-shared/i18n';
import { AppError } from '../app-error';
import { checkPhoto } from '../ops/photo';
import { parseTransferFile } from '../ops/transfers';
import { checkDocument } from '../repairs/files';
import { imageSize } from './image-size';
import { nestsDeeperThan } from './json-depth';

/** A PNG header declaring any size, with a few KB of deflated zeros: the shape of a decompression bomb. */
function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 0, 0, 0, 0], 16); // 8-bit greyscale
  const idat = deflateSync(Buffer.alloc(1024 * 1024));
  const chunk = Buffer.alloc(8);
  chunk.writeUInt32BE(idat.length, 0);
  chunk.write('IDAT', 4, 'latin1');
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, chunk, idat]);
}

/** A JPEG whose frame header (SOF2, progressive, after an APP0 segment) declares any size. */
function jpegDeclaring(width: number, height: number): Buffer {
  const app0 = Buffer.from('ffe000104a46494600010100000100010000', 'hex');
  const sof = Buffer.from([0xff, 0xc2, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 3]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.alloc(9), Buffer.from([0xff, 0xd9])]);
}

const photo = (bytes: Buffer) => ({ fileName: 'p', dataBase64: bytes.toString('base64') });
function refusal(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (err) {
    if (!(err instanceof AppError) || !err.fields?.[0]) throw err;
    return `${err.fields[0].path}: ${translate('en', err.fields[0].key, err.fields[0].params)}`;
  }
}

describe('uploaded images', () => {
  it('reads the declared size of PNG and JPEG (baseline and progressive) from the header', () => {
    expect(imageSize(pngDeclaring(4032, 3024), 'image/png')).toEqual({ width: 4032, height: 3024 });
    expect(imageSize(jpegDeclaring(8064, 6048), 'image/jpeg')).toEqual({ width: 8064, height: 6048 });
    expect(imageSize(Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'), 'image/jpeg')).toBeNull();
  });

  it('refuses a photo that declares more pixels than a phone camera takes, before anything decodes it', () => {
    const bomb = pngDeclaring(60_000, 60_000);
    expect(bomb.length).toBeLessThan(10_000);
    expect(refusal(() => checkPhoto(photo(bomb)))).toBe(
      'photo: The photo is 60000 × 60000 pixels; at most 12000 pixels a side and 50 megapixels are accepted. ' +
        'Take it again at a lower resolution, or shrink it, and add it again.',
    );
    expect(refusal(() => checkPhoto(photo(jpegDeclaring(65_000, 2))))).toMatch(/65000 × 2 pixels/);
    // A repair's document may be a photo too: the same bound, on the field that held it.
    expect(refusal(() => checkDocument(photo(pngDeclaring(20_000, 20_000)), 'file'))).toMatch(/^file: The photo is/);
    // A 48-megapixel phone photo is fine.
    expect(checkPhoto(photo(jpegDeclaring(8064, 6048))).mime).toBe('image/jpeg');
    expect(checkPhoto(photo(pngDeclaring(4032, 3024))).mime).toBe('image/png');
  });
});

describe('uploaded transfer files', () => {
  it('refuses a deeply nested file in one quick pass instead of parsing it', () => {
    const deep = '['.repeat(2_500_000) + ']'.repeat(2_500_000);
    const started = performance.now();
    const err = (() => {
      try {
        parseTransferFile(deep);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(translate('en', (err as AppError).key!, (err as AppError).params)).toBe(
      'This is not a transfer file or it is damaged (nesting).',
    );
    expect(performance.now() - started).toBeLessThan(600);
    expect(nestsDeeperThan('{"a":"[[[[[[[[[[[[[[[[[[[[","b":[{"c":[1]}]}', 4)).toBe(false);
    expect(nestsDeeperThan('[[[[[1]]]]]', 4)).toBe(true);
  });
});
