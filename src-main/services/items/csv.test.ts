import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv, toCsv } from './csv';

const GBK_ZHONG = [0xd6, 0xd0]; // 中 in GBK

describe('decodeText', () => {
  it('strips a UTF-8 BOM, reads plain UTF-8, and falls back to GBK for invalid UTF-8', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a', encoding: 'utf-8' });
    expect(decodeText(new TextEncoder().encode('冷库'))).toEqual({ text: '冷库', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0x61, ...GBK_ZHONG]))).toEqual({ text: 'a中', encoding: 'gbk' });
  });
});

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, embedded newlines, CRLF and a missing final newline', () => {
    expect(parseCsv('a,"b,1","say ""hi"""\r\n"x\ny",,z')).toEqual([
      ['a', 'b,1', 'say "hi"'],
      ['x\ny', '', 'z'],
    ]);
  });

  it('uses tabs when the header has no comma, and refuses an unterminated quote', () => {
    expect(parseCsv('a\tb\n1\t2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => parseCsv('a,"b\n')).toThrow('unterminated quote');
  });

  it('reads back what toCsv writes', () => {
    const rows = [
      ['code', 'name'],
      ['A,1', '牛 "肉"'],
    ];
    expect(parseCsv(toCsv(rows).slice(1))).toEqual(rows);
  });
});
