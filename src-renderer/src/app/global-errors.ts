import { call } from '../lib/api';

type Listener = (ref: string, message: string) => void;
const listeners = new Set<Listener>();

/** The shell shows these as a notification; the log gets the details. */
export function onUncaughtError(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export async function reportError(error: unknown): Promise<string> {
  const err = error instanceof Error ? error : new Error(String(error));
  try {
    const { ref } = await call('system.reportClientError', {
      message: err.message.slice(0, 2000),
      stack: err.stack?.slice(0, 10000) ?? null,
      url: location.href.slice(0, 500),
    });
    return ref;
  } catch {
    return '-';
  }
}

/** Errors nobody caught are logged on the backend and shown to the user, never silently lost. */
export function installGlobalErrorHandlers(): void {
  const handle = (error: unknown) => {
    void reportError(error).then((ref) => {
      for (const l of listeners) l(ref, error instanceof Error ? error.message : String(error));
    });
  };
  window.addEventListener('error', (e) => handle(e.error ?? e.message));
  window.addEventListener('unhandledrejection', (e) => handle(e.reason));
}
