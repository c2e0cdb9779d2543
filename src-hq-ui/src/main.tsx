import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setApiLocale } from '../../src-renderer/src/lib/api-client';
import { initialLocale } from '../../src-renderer/src/lib/i18n';
import '../../src-renderer/src/components/global.css';
import { App } from './App';
import { installHqErrorHandlers } from './lib/errors';
import { prefetch } from './lib/query';

installHqErrorHandlers();
// Ask for the session now, in the language the screen will use, so the answer is in by the first render.
setApiLocale(initialLocale());
prefetch('session.current', {});
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
