import './components/global.css';
import { installGlobalErrorHandlers } from './app/global-errors';
import { setApiLocale } from './lib/api';
import { initialLocale, loadCatalog } from './lib/catalog';
import { prefetch } from './lib/store-queries';

/*
 * The entry holds no React: it asks for the session and for the texts of the
 * user's language first, so the host answers while the browser is still
 * loading and parsing React, antd and the first screen (cold start,
 * docs/benchmarks.md). The other language's texts load only if the user
 * switches to it.
 */
installGlobalErrorHandlers();
const locale = initialLocale();
setApiLocale(locale);
prefetch('session.current', {});
const texts = loadCatalog(locale);
void import('./app/start').then(({ start }) =>
  // Texts that failed to load (the host went away) leave keys on screen rather than a blank page.
  texts.then(start, start),
);
