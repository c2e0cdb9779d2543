import type { Role } from '../../../src-shared/roles';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** Printed at start (`--demo`) so someone trying the app can sign in; never use in a real store. */
  pin: string;
}

/** One of each role, in the order the logins line lists them. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '王店长', role: 'admin', pin: '1234' },
  { username: 'manager', displayName: '李经理', role: 'manager', pin: '2345' },
  { username: 'clerk1', displayName: '张小红', role: 'clerk', pin: '3456' },
  { username: 'clerk2', displayName: '刘洋', role: 'clerk', pin: '4567' },
  { username: 'tech', displayName: '陈师傅', role: 'technician', pin: '5678' },
];
