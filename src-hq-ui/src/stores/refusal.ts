import type { MessageKey } from '../../../src-shared/i18n';
import { REFUSALS, type RefusalCode } from '../../../src-shared/sync/protocol';

type T = (key: MessageKey) => string;

/**
 * Why HQ refused a store's request, in the reader's language. HQ records the
 * refusal's message as the store was told it (English, with figures); the
 * code is what the screen can translate. The key's type makes a refusal added
 * to the protocol without its text a compile error.
 */
export function refusalReason(t: T, code: string): string {
  return code in REFUSALS ? t(`hq.refusal.${code as RefusalCode}`) : code;
}
