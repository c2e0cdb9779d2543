import { createContext, useContext, type ReactNode } from 'react';
import type { SessionDto } from '../../../src-shared/api/common';
import type { Role } from '../../../src-shared/roles';
import { useQuery } from '../lib/query';

interface SessionState {
  session: SessionDto;
  refresh(): Promise<void>;
  can(roles: readonly Role[] | 'any'): boolean;
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

export function useSessionQuery() {
  return useQuery('session.current', {});
}

export function canAccess(role: Role | undefined, roles: readonly Role[] | 'any'): boolean {
  if (!role) return false;
  return roles === 'any' || roles.includes(role);
}
