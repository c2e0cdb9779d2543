import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './components/global.css';
import { App } from './app/App';
import { installGlobalErrorHandlers } from './app/global-errors';
import { setApiLocale } from './lib/api';
import { initialLocale } from './lib/i18n';
import { prefetch } from './lib/query';

installGlobalErrorHandlers();
// Ask for the session now, in the language the screen will use, so the answer is in by the first render.
setApiLocale(initialLocale());
prefetch('session.current', {});
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
