/**
 * MT-SICS (Mettler Toledo balances and terminals), usually 9600 8N1. Commands and
 * replies are ASCII lines ending in CR LF with space-separated fields whose padding
 * varies, so replies are split on runs of spaces.
 */
import type { ScaleReading } from '../../../../src-shared/devices';
import { ascii, isUnitText, latin, parseDecimal, parseUnit, SPACE } from './bytes';
import { LineParser, printableFrom } from './line-parser';
import { type CommandOutcome, type ParsedFrame, type ScaleAction, type ScaleCodec } from './types';

const MAX_LINE = 64;
const MAX_TOKENS = 5;

export class MtSicsParser extends LineParser {
  /** SI replies do not say net or gross: follow the tare commands seen on the line. */
  private net = false;
  private readonly starts = new Int32Array(MAX_TOKENS);
  private readonly ends = new Int32Array(MAX_TOKENS);

  constructor() {
    super(MAX_LINE);
  }

  protected line(buf: Uint8Array, len: number): void {
    // Garbage before a reply shares its line: take the leftmost suffix that is a whole reply.
    for (let i = printableFrom(buf, len); i < len; i++) {
      const b = buf[i]!;
      // Every reply we read starts with E, S, T or Z.
      if (b !== 0x45 && b !== 0x53 && b !== 0x54 && b !== 0x5a) continue;
      const frame = this.decode(buf, i, len);
      if (frame) {
        this.emit(frame);
        return;
      }
    }
  }

  /** Whether token k is exactly `text`, compared as bytes. */
  private is(buf: Uint8Array, k: number, text: string): boolean {
    const s = this.starts[k]!;
    if (this.ends[k]! - s !== text.length) return false;
    for (let i = 0; i < text.length; i++) if (buf[s + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  /** The one-character status token (A, S, D, I, L, +, -), or ''. */
  private status(buf: Uint8Array, n: number): string {
    if (n < 2 || this.ends[1]! - this.starts[1]! !== 1) return '';
    return String.fromCharCode(buf[this.starts[1]!]!);
  }

  private decode(buf: Uint8Array, start: number, end: number): ParsedFrame | null {
    const n = this.tokenize(buf, start, end);
    if (n <= 0) return null;
    const status = this.status(buf, n);
    if (n === 1) {
      for (const code of ['ES', 'ET', 'EL']) if (this.is(buf, 0, code)) return { type: 'rejected', code };
      return null;
    }
    if (this.is(buf, 0, 'S')) {
      if (n === 4 && (status === 'S' || status === 'D')) {
        const reading = this.weightReading(buf, 2, status === 'S');
        return reading && { type: 'reading', reading };
      }
      if (n !== 2) return null;
      if (status === '+') return { type: 'reading', reading: { kind: 'overload' } };
      if (status === '-') return { type: 'reading', reading: { kind: 'underload' } };
      if (status === 'I' || status === 'L') return { type: 'reading', reading: { kind: 'error', code: `S ${status}` } };
      return null;
    }
    if (this.is(buf, 0, 'Z'))
      return n === 2 && 'AI+-'.includes(status) && status !== ''
        ? { type: 'ack', command: 'zero', ok: status === 'A', code: status }
        : null;
    if (this.is(buf, 0, 'T')) {
      if (n === 4 && status === 'S') {
        const tare = parseDecimal(buf, this.starts[2]!, this.ends[2]!);
        if (!tare || parseUnit(buf, this.starts[3]!, this.ends[3]!) === null) return null;
        this.net = tare.amount !== 0;
        return { type: 'ack', command: 'tare', ok: true, code: 'S' };
      }
      return n === 2 && 'IL+-'.includes(status) && status !== ''
        ? { type: 'ack', command: 'tare', ok: false, code: status }
        : null;
    }
    if (this.is(buf, 0, 'TAC') && n === 2 && 'AIL'.includes(status) && status !== '') {
      if (status === 'A') this.net = false;
      return { type: 'ack', command: 'clearTare', ok: status === 'A', code: status };
    }
    return null;
  }

  private weightReading(buf: Uint8Array, k: number, stable: boolean): ScaleReading | null {
    const value = parseDecimal(buf, this.starts[k]!, this.ends[k]!);
    const us = this.starts[k + 1]!;
    const ue = this.ends[k + 1]!;
    if (!value || !isUnitText(buf, us, ue)) return null;
    const unit = parseUnit(buf, us, ue);
    if (unit === null) return { kind: 'error', code: `unit ${latin(buf, us, ue)}` };
    return { kind: 'weight', weight: { amount: value.amount, decimals: value.decimals, unit }, stable, net: this.net };
  }

  /** Splits [start, end) on runs of spaces; -1 when there are too many fields. */
  private tokenize(buf: Uint8Array, start: number, end: number): number {
    let n = 0;
    let i = start;
    while (i < end) {
      while (i < end && buf[i] === SPACE) i++;
      if (i === end) break;
      if (n === MAX_TOKENS) return -1;
      this.starts[n] = i;
      while (i < end && buf[i] !== SPACE) i++;
      this.ends[n++] = i;
    }
    return n;
  }

  override reset(): void {
    super.reset();
    this.net = false;
  }
}

const CRLF = '\r\n';

const ACTION_TEXT: Record<ScaleAction, string> = { zero: 'zero', tare: 'tare', clearTare: 'clear the tare' };

function ackMessage(command: ScaleAction, code: string): string {
  const what = ACTION_TEXT[command];
  if (code === 'I')
    return `The scale could not ${what} now (busy or the weight is not steady): wait until it settles and try again.`;
  if (code === '+')
    return command === 'zero'
      ? 'The load is above the zero range: empty the platter and try again.'
      : 'The load is above the tare range: remove some weight and try again.';
  if (code === '-')
    return command === 'zero'
      ? 'The load is below the zero range: check that nothing touches the platter and try again.'
      : 'The load is below the tare range: put the container on the scale and try again.';
  return `The scale does not allow to ${what} in its current mode (${code}): check the scale's settings.`;
}

export function rejectedMessage(code: string): string {
  if (code === 'ET')
    return 'The scale reported a transmission error (ET): check the cable and the serial settings, then try again.';
  if (code === 'EL') return 'The scale cannot do this now (EL): wait a moment and try again.';
  return `The scale did not understand the command (${code}): check that the protocol setting matches the scale.`;
}

function replyTo(command: ScaleAction, frame: ParsedFrame): CommandOutcome | undefined {
  if (frame.type === 'rejected') return { ok: false, message: rejectedMessage(frame.code) };
  if (frame.type !== 'ack' || frame.command !== command) return undefined;
  return frame.ok ? { ok: true } : { ok: false, message: ackMessage(command, frame.code) };
}

export const mtSics: ScaleCodec = {
  protocol: 'mt-sics',
  mode: 'polled',
  maxBufferedBytes: 2 * MAX_LINE,
  createParser: () => new MtSicsParser(),
  // SI answers at once (S would block until stable); the driver polls it.
  commands: {
    poll: ascii(`SI${CRLF}`),
    zero: ascii(`Z${CRLF}`),
    tare: ascii(`T${CRLF}`),
    clearTare: ascii(`TAC${CRLF}`),
  },
  replyTo,
};
