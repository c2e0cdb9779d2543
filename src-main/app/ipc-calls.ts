import { MAX_INPUT_DEPTH, valueTooDeep } from '../../src-shared/api/limits';
import { isLocale, translate, type Locale } from '../../src-shared/i18n';
import type { ApiResult } from '../../src-shared/errors';
import type { Dispatch } from '../api/dispatch';

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly processId: number;
  readonly frameToken: string;
  readonly parent: unknown;
  readonly url: string;
  isDestroyed(): boolean;
}

/** The parts of Electron's IpcMainInvokeEvent the handler reads. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number; readonly mainFrame: FrameLike; isDestroyed(): boolean };
  readonly senderFrame: FrameLike | null;
}

export interface CallHandlerDeps {
  dispatch: Dispatch;
  /** Whether this webContents belongs to one of our windows (and is still open). */
  isOurWindow(contentsId: number): boolean;
  /** Whether a URL is a page of our own UI. */
  ownsUrl(url: string): boolean;
  systemLocale(): Locale;
  onRefused(reason: string, url: string | undefined): void;
}

export class RefusedCallError extends Error {
  override readonly name = 'RefusedCallError';
}

/**
 * The IPC call handler without Electron, so it can be tested with plain objects.
 * The session token plays the part of the HttpOnly cookie of the HTTP host: it is
 * kept here per window and never sent to the renderer, so script in the page
 * cannot read or leak it.
 */
export function createCallHandler(deps: CallHandlerDeps) {
  const tokens = new Map<number, string>();

  /** Only the top frame of one of our windows, showing our own UI, may call. */
  function trusted(event: InvokeEventLike): boolean {
    const contents = event.sender;
    if (contents.isDestroyed() || !deps.isOurWindow(contents.id)) return false;
    const frame = event.senderFrame;
    if (!frame || frame.isDestroyed() || frame.parent !== null) return false;
    const top = contents.mainFrame;
    if (frame.processId !== top.processId || frame.frameToken !== top.frameToken) return false;
    return deps.ownsUrl(frame.url);
  }

  async function handle(
    event: InvokeEventLike,
    method: unknown,
    input: unknown,
    locale: unknown,
  ): Promise<ApiResult<unknown>> {
    if (!trusted(event)) {
      deps.onRefused('sender', event.senderFrame?.url);
      throw new RefusedCallError('Refused: the call did not come from the app window.');
    }
    if (typeof method !== 'string') {
      deps.onRefused('method', event.senderFrame?.url);
      throw new RefusedCallError('Refused: the method name must be a string.');
    }
    // Unknown names still go to dispatch, which answers UNKNOWN_METHOD in the caller's language.
    const id = event.sender.id;
    const lang = isLocale(locale) ? locale : deps.systemLocale();
    // The HTTP host refuses such a body before parsing it; structured clone can also carry cycles.
    if (valueTooDeep(input)) {
      const message = translate(lang, 'security.http.tooDeep', { max: MAX_INPUT_DEPTH });
      return { ok: false, error: { code: 'VALIDATION', message, fields: [] } };
    }
    // No source: calls from the window count as this PC's own, like loopback HTTP.
    const outcome = await deps.dispatch(method, input, {
      token: tokens.get(id) ?? null,
      locale: lang,
      caller: { loopback: true, client: 'electron' },
    });
    // The window may have closed while the call ran; its token must not outlive it.
    if (deps.isOurWindow(id)) {
      if (outcome.session === null) tokens.delete(id);
      else if (outcome.session) tokens.set(id, outcome.session.token);
    }
    return outcome.result;
  }

  return {
    handle,
    /** The session credential a window holds, if any (it never leaves the main process). */
    tokenOf: (contentsId: number): string | null => tokens.get(contentsId) ?? null,
    /** Forgets a window's session when the window goes away. */
    forget: (contentsId: number) => tokens.delete(contentsId),
    forgetAll: () => tokens.clear(),
  };
}
