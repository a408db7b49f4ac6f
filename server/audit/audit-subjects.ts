/** What the audit log follows: rules, settings, content and who may do what. */
export const AUDIT_SUBJECTS = ['workflow', 'flow', 'template', 'status', 'task_type', 'employee', 'contact_policy'] as const;
export type AuditSubject = (typeof AUDIT_SUBJECTS)[number];
