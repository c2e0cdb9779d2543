import type { ReactNode } from 'react';
import type { MessageKey } from '../../../src-shared/i18n';
import type { Role } from '../../../src-shared/roles';

export interface AppRoute {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Who sees it in the menu and may open it. The API enforces the same roles. */
  roles: readonly Role[] | 'any';
  element: ReactNode;
  group?: MessageKey;
  hidden?: boolean;
}
