/**
 * Who may do what (issue 12): the four roles, and the permission every operation of the contract
 * names in its `access`. The server checks the permission of each request before the operation
 * runs (server/src/accounts/authorize.ts); the OpenAPI document lists it per operation; the client
 * hides what the signed-in role may not do. A permission that involves a scenario also asks who
 * owns it: planners edit their own scenarios and those shared with them.
 */

export const ROLES = ['admin', 'analyst', 'planner', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Readonly<Record<Role, { en: string; zh: string }>> = {
  admin: { en: 'administrator', zh: '管理员' },
  analyst: { en: 'analyst', zh: '分析员' },
  planner: { en: 'planner', zh: '规划人员' },
  leader: { en: 'leader', zh: '领导' },
};

/** Which scenarios a scenario permission reaches beyond an administrator's: its owner's, or also its collaborators'. */
export type ScenarioReach = 'owner' | 'owner-or-collaborator';

export interface Permission {
  /** The roles granted it; null when no sign-in is needed. */
  roles: readonly Role[] | null;
  /** For a permission on one scenario (`:id` in the path): whose scenario it must be, unless an administrator asks. */
  scenario?: ScenarioReach;
  en: string;
  zh: string;
}

const EVERY_ROLE = ROLES;

export const PERMISSIONS = {
  public: { roles: null, en: 'nothing (open to all)', zh: '无需登录' },
  read: { roles: EVERY_ROLE, en: 'read regions, analyses and scenarios', zh: '查看区域、分析与方案' },
  'own-account': { roles: EVERY_ROLE, en: 'manage one’s own account', zh: '管理本人账号' },
  export: { roles: ['admin', 'analyst'], en: 'export data', zh: '导出数据' },
  import: { roles: ['admin', 'analyst'], en: 'import layers and base maps', zh: '导入图层与底图' },
  'manage-regions': { roles: ['admin'], en: 'manage regions', zh: '管理区域' },
  'manage-users': { roles: ['admin'], en: 'manage users', zh: '管理用户' },
  'read-audit': { roles: ['admin'], en: 'read the audit log', zh: '查看审计日志' },
  'create-scenario': {
    roles: ['admin', 'analyst', 'planner'],
    en: 'create scenarios',
    zh: '新建方案',
  },
  'edit-scenario': {
    roles: ['admin', 'analyst', 'planner'],
    scenario: 'owner-or-collaborator',
    en: 'edit this scenario (its owner or a collaborator)',
    zh: '编辑此方案（方案所有者或协作者）',
  },
  'review-scenario': {
    roles: ['admin', 'leader'],
    en: 'approve or return submitted scenarios',
    zh: '批准或退回待审方案',
  },
  'own-scenario': {
    roles: ['admin', 'analyst', 'planner'],
    scenario: 'owner',
    en: 'delete or share this scenario (its owner)',
    zh: '删除或共享此方案（方案所有者）',
  },
} as const satisfies Record<string, Permission>;

export type PermissionName = keyof typeof PERMISSIONS;

/** Whether `role` holds `permission` (ownership of a scenario is asked separately). */
export function roleHolds(role: Role, permission: PermissionName): boolean {
  const roles: readonly Role[] | null = PERMISSIONS[permission].roles;
  return roles === null || roles.includes(role);
}

/** The roles that hold `permission`, for a refusal that says who may. */
export function rolesHolding(permission: PermissionName): readonly Role[] {
  return PERMISSIONS[permission].roles ?? ROLES;
}
