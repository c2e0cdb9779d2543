import { createContext } from 'react';
import type { ConnectionState } from '../lib/api';

/** Whether the push channel to the backend is up; shown in the status bar. */
export const ConnectionContext = createContext<ConnectionState>('offline');
