/** The roles an employee can hold: a flow administrator may do everything, a content editor edits content. */
export const ROLES = ['flow_admin', 'content_editor'] as const;
export type Role = (typeof ROLES)[number];
