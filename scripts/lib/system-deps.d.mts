/** Types of system-deps.mjs (plain JavaScript: npm test runs it before node_modules exists). */
import type { SystemPackage } from './preflight.mjs';
export const DEFAULT_CHROMIUM: string;
export function onPath(cmd: string, env?: NodeJS.ProcessEnv): boolean;
export function chromiumPath(env?: NodeJS.ProcessEnv): string;
export function postgresBinDir(env?: NodeJS.ProcessEnv): string | null;
export const SYSTEM_PACKAGES: SystemPackage[];
