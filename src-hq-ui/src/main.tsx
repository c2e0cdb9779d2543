import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setApiLocale } from '../../src-renderer/src/lib/api-client';
import { initialLocale, loadCatalog } from '../../src-renderer/src/lib/catalog';
import '../../src-renderer/src/components/global.css';
import { App } from './App';
import { installHqErrorHandlers } from './lib/errors';
import { prefetch } from './lib/query';

installHqErrorHandlers();
// Ask for the session now, in the language the screen will use, so the answer is in by the first render.
const locale = initialLocale();
setApiLocale(locale);
prefetch('session.current', {});
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// The screens render once the user's language has loaded (its texts are a chunk of their own);
// texts that failed to load leave keys on screen rather than a blank page.
void loadCatalog(locale).then(render, render);
