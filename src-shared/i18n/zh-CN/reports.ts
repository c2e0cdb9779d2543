import type { enReports } from '../en/reports';

/** 简体中文：reports。 */
export const zhReports: Record<keyof typeof enReports, string> = {};
