import type { ScaleProtocol, ScaleReading, WeightUnit } from '../../../../src-shared/devices';

/** Host commands a driver may send; which ones exist depends on the protocol. */
export type ScaleCommand = 'poll' | 'zero' | 'tare' | 'clearTare';
export type ScaleAction = Exclude<ScaleCommand, 'poll'>;

/**
 * What one complete, valid frame means. `info` is a well-formed frame that carries
 * no load (e.g. an A&D tare readout): it proves the device is talking our protocol.
 */
export type ParsedFrame =
  | { type: 'reading'; reading: ScaleReading }
  | { type: 'ack'; command: ScaleAction; ok: boolean; code: string }
  /** MT-SICS ES/ET/EL: the device refused whatever request was outstanding. */
  | { type: 'rejected'; code: string }
  | { type: 'info' };

export interface ParserOptions {
  /** Unit for formats whose frames do not carry one (Yaohua). Default kg. */
  unit?: WeightUnit;
}

export interface FrameParser {
  /** Feeds raw bytes; returns the frames completed by them, in order. */
  pushFrames(chunk: Uint8Array): ParsedFrame[];
  /** Same, keeping only what a scale display would show. */
  push(chunk: Uint8Array): ScaleReading[];
  /** Bytes held waiting for the rest of a frame (bounded by the protocol's frame size). */
  readonly buffered: number;
  reset(): void;
}

/** The outcome of a host command as read from the device's reply. */
export type CommandOutcome = { ok: true } | { ok: false; message: string };

export interface ScaleCodec {
  readonly protocol: ScaleProtocol;
  /** `polled`: the host asks (8217, MT-SICS); `continuous`: the device streams. */
  readonly mode: 'polled' | 'continuous';
  /** The most bytes a parser of this protocol ever holds, whatever it is fed. */
  readonly maxBufferedBytes: number;
  createParser(opts?: ParserOptions): FrameParser;
  /** Host → device bytes for each supported command; a missing key means "not supported". */
  readonly commands: Partial<Record<ScaleCommand, Uint8Array>>;
  /**
   * Decides whether `frame` answers `command`: undefined = not an answer (keep waiting),
   * otherwise the outcome with a message that says what the user should do.
   */
  replyTo(command: ScaleAction, frame: ParsedFrame): CommandOutcome | undefined;
}

export function readingsOf(frames: readonly ParsedFrame[]): ScaleReading[] {
  const out: ScaleReading[] = [];
  for (const f of frames) {
    if (f.type === 'reading') out.push(f.reading);
    else if (f.type === 'rejected') out.push({ kind: 'error', code: f.code });
  }
  return out;
}

/** Base for parsers that are byte-at-a-time state machines (chunk boundaries cannot matter). */
export abstract class ByteParser implements FrameParser {
  /** Allocated only when a frame completes: most pushes complete none. */
  private out: ParsedFrame[] | null = null;

  pushFrames(chunk: Uint8Array): ParsedFrame[] {
    for (let i = 0; i < chunk.length; i++) this.feed(chunk[i]!);
    const frames = this.out;
    this.out = null;
    return frames ?? [];
  }

  push(chunk: Uint8Array): ScaleReading[] {
    return readingsOf(this.pushFrames(chunk));
  }

  protected emit(frame: ParsedFrame): void {
    (this.out ??= []).push(frame);
  }

  abstract readonly buffered: number;
  abstract reset(): void;
  protected abstract feed(byte: number): void;
}
