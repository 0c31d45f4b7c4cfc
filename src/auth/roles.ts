export const ROLES = ['admin', 'coordinator', 'introducer', 'manager', 'mentor', 'lecturer', 'newhire'] as const;
export type Role = (typeof ROLES)[number];
