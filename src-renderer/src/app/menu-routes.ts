import { createContext, useContext } from 'react';
import type { AppRoute } from './route-types';

/**
 * The routes the signed-in user's menu shows, provided by the shell. The home
 * page offers the same ones; it reads them here because it cannot import the
 * route table that contains it.
 */
export const MenuRoutes = createContext<AppRoute[]>([]);

export const useMenuRoutes = (): AppRoute[] => useContext(MenuRoutes);
