import { createContext, useContext, type ReactNode } from 'react';
import type { HqMethodOutput } from '../../../src-shared/hq-api';
import type { HqAccess } from '../../../src-shared/hq-api/contract';

export type HqSession = HqMethodOutput<'session.current'>;

interface SessionState {
  session: HqSession;
  /** Whether the signed-in user's role may call a method of this access: screens hide what the API would refuse. */
  can(access: HqAccess): boolean;
}

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ value, children }: { value: SessionState; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

export function canAccess(session: HqSession, access: HqAccess): boolean {
  if (access === 'public') return true;
  const role = session.user?.role;
  if (!role) return false;
  return access === 'any' || access.includes(role);
}
