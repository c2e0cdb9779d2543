import { afterAll } from 'vitest';
import { stopAllChildren } from './children';

// Registered before the file's own hooks, so it runs after them: it stops what a failed beforeAll left without a handle.
afterAll(stopAllChildren);
