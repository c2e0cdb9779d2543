type Listener = (ref: string, message: string) => void;
const listeners = new Set<Listener>();

/** The shell shows these as a notification; the log gets the details. */
export function onUncaughtError(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/**
 * Errors nobody caught are logged on the backend (`report`, which resolves to
 * the log's reference) and shown to the user, never silently lost.
 */
export function installGlobalErrorHandlers(report: (error: unknown) => Promise<string>): void {
  const handle = (error: unknown) => {
    void report(error).then((ref) => {
      for (const l of listeners) l(ref, error instanceof Error ? error.message : String(error));
    });
  };
  window.addEventListener('error', (e) => handle(e.error ?? e.message));
  window.addEventListener('unhandledrejection', (e) => handle(e.reason));
}

/** What a backend's log keeps of a screen's error (the API's bounds: message 2,000, stack 10,000, URL 500 characters). */
export function clientErrorReport(error: unknown): { message: string; stack: string | null; url: string } {
  const err = error instanceof Error ? error : new Error(String(error));
  return {
    message: err.message.slice(0, 2000),
    stack: err.stack?.slice(0, 10000) ?? null,
    url: location.href.slice(0, 500),
  };
}
