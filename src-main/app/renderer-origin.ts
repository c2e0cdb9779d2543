/**
 * Where the window's UI comes from. Packaged (and `electron-vite preview`), the
 * built renderer is served from our own privileged scheme rather than file://:
 * the handler can send the same CSP header as the Node host, the page gets a
 * real origin of its own, and file:// keeps no special powers over it. In
 * development, electron-vite's dev server URL (ELECTRON_RENDERER_URL).
 */
export const RENDERER_SCHEME = 'app';
export const RENDERER_HOST = 'renderer';

export interface RendererOrigin {
  /** What the window loads. */
  entry: string;
  /** True when `url` is a page of our own UI (and so may use the API). */
  owns(url: string): boolean;
}

export function rendererOrigin(devServerUrl: string | undefined): RendererOrigin {
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    return { entry: dev.href, owns: (url) => parse(url)?.origin === dev.origin };
  }
  return {
    entry: `${RENDERER_SCHEME}://${RENDERER_HOST}/`,
    // Node's URL reports origin "null" for schemes it does not know, so compare the parts.
    owns: (url) => {
      const u = parse(url);
      return !!u && u.protocol === `${RENDERER_SCHEME}:` && u.host === RENDERER_HOST && !u.username && !u.port;
    },
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
