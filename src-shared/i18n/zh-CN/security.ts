import type { enSecurity } from '../en/security';

/** 简体中文：HTTP 服务、登录限流与请求校验。 */
export const zhSecurity: Record<keyof typeof enSecurity, string> = {};
