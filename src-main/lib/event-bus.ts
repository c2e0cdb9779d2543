/**
 * An in-process publish/subscribe bus (the backend pushes its server events
 * through one to every window). Generic, so lib knows nothing of the events.
 */
export interface EventBus<E> {
  publish(event: E): void;
  subscribe(listener: (event: E) => void): () => void;
  readonly size: number;
}

export function createEventBus<E>(onListenerError: (err: unknown) => void): EventBus<E> {
  const listeners = new Set<(event: E) => void>();
  return {
    publish(event) {
      for (const l of listeners) {
        try {
          l(event);
        } catch (err) {
          onListenerError(err); // one broken window must not stop the others
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get size() {
      return listeners.size;
    },
  };
}
