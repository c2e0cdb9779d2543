import type { ScaleProtocol } from '../../../../src-shared/devices';
import { adContinuous } from './ad-continuous';
import { cas22 } from './cas22';
import { mtSics } from './mt-sics';
import { mt8217 } from './mt8217';
import type { ScaleCodec } from './types';
import { yaohuaReversed } from './yaohua-reversed';
import { yaohuaTf0 } from './yaohua-tf0';

export const SCALE_CODECS: Record<ScaleProtocol, ScaleCodec> = {
  mt8217,
  'mt-sics': mtSics,
  'ad-continuous': adContinuous,
  cas22,
  'yaohua-tf0': yaohuaTf0,
  'yaohua-reversed': yaohuaReversed,
};

export function codecFor(protocol: ScaleProtocol): ScaleCodec {
  return SCALE_CODECS[protocol];
}

export type { FrameParser, ParsedFrame, ScaleCodec, ScaleCommand, ScaleAction, CommandOutcome } from './types';
