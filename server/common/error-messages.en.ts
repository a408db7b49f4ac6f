/**
 * The English text of every error code. `{name}` is the parameter `name`; `{name|noun}` translates a
 * noun the code names (`quote request`), `{name|counts}` a count per noun (`2 persons`).
 * The texts are the messages the service gave before errors had codes: clients that compare them keep working.
 */
export const en = {
  // Defaults by status, for errors that have no code of their own.
  'request.invalid': 'Bad request',
  'auth.unauthenticated': 'Sign in first: send a bearer token or a session cookie',
  'auth.forbidden': 'Your role does not allow this',
  not_found: 'Not found',
  conflict: 'The request conflicts with the current state',
  rate_limited: 'Too many requests',
  error: 'The request failed',
  internal_error: 'Internal server error',
  'service.unavailable': 'The database (or another server this request needs) does not answer; try again shortly',

  // The request itself.
  'request.invalid_json': 'The request body is not valid JSON',
  'request.too_large': 'The request body is too large',
  'request.unsupported_encoding': 'The request body has an unsupported encoding',
  'request.unsupported_charset': 'The request body has an unsupported charset',
  'request.unsupported_media_type': 'The request body has an unsupported media type',
  'request.method_not_allowed': 'This method is not allowed here',
  'request.nul_character': '{field}: the NUL character (U+0000) is not allowed',
  'request.unpaired_surrogate': '{field}: the text holds an unpaired UTF-16 surrogate, which is not a character',
  'request.too_deep': '{field}: nested deeper than {max} levels',
  'route.not_found': 'Cannot {method} {path}',

  // Field checks (each issue of details.issues; the message names no field, the issue does).
  'validation.invalid': 'invalid value',
  'validation.required': 'required',
  'validation.not_empty': 'must not be empty',
  'validation.control_character': 'must be one line without control characters',
  'validation.type': 'expected {expected}',
  'validation.not_object': 'must be a JSON object',
  'validation.min': 'must be at least {min}',
  'validation.max': 'must be at most {max}',
  'validation.min_length': 'must have at least {min} characters',
  'validation.max_length': 'must have at most {max} characters',
  'validation.min_items': 'must have at least {min} items',
  'validation.max_items': 'must have at most {max} items',
  'validation.integer': 'expected a whole number',
  'validation.enum': 'expected one of {options}',
  'validation.format': 'expected {format}',
  'validation.pattern': 'does not have the expected form',
  'validation.email': 'expected an e-mail address',
  'validation.phone': 'expected a phone number in international form, as in +31612345678',
  'validation.datetime': 'expected an ISO 8601 date-time',
  'validation.custom': '{reason}',
  'validation.too_large': 'is too large',
  'clock.by_or_to': 'give either "by" (an ISO 8601 duration such as P3D) or "to"',
  'validation.read_only': 'read-only: send it unchanged or leave it out',
  'validation.unknown_field': "unknown field '{field}'",
  'validation.failed': '{issues}',

  // Lists: their query parameters.
  'query.range': '{name}: expected a whole number from {min} to {max}',
  'query.repeated': '{name}: give it once, as a plain value',
  'query.unknown_filter': "unknown filter '{name}'",
  'query.number': '{name}: expected a number',
  'query.boolean': '{name}: expected true or false',
  'query.datetime': '{name}: expected an ISO 8601 date-time',
  'query.id': '{name}: expected an id',
  'query.not_searchable': 'q: {entities|noun} cannot be searched by text',

  // Records.
  'record.not_found': 'No {entity|noun} with id {id}',
  'record.unknown_reference': '{field}: no {entity|noun} with id {id}',
  'record.unknown_name': '{field}: unknown {entity|noun} "{name}"',
  'record.duplicate': 'A record with the same unique value already exists',
  'record.duplicate_value': 'A {entity|noun} with {values} already exists (id {id})',
  'record.referenced': 'The record is referenced by other records',
  'record.in_use': 'Cannot delete {entity|noun} {id}: it is used by {references|counts}',
  'record.used_by_rules': 'Cannot delete {entity|noun} "{name}": it is used by {rules}',
  'record.name_taken': 'A {entity|noun} named "{name}" already exists (id {id})',
  'person.identity_required': 'give at least one of {fields}: a name, an e-mail address or a mobile number',
  'person.unknown_ids': '{field}: no person with id {ids}',
  'person.not_member': 'Person {personId} is not a member',
  'person.not_member_of': 'Person {personId} is not a member of {list|noun} {listId}',
  'selection.unknown_id': '{field}: no selection with id {id}',
  'form.not_found': 'No form with key "{key}"',
  'data.too_large': '{field}: at most 64 kB',
  'event.record_change': 'record changes come from the CRM endpoints, not from events',

  // Sign-in and rights.
  'auth.token_invalid': 'The token is unknown, expired or revoked',
  'auth.csrf_missing': 'A change signed in by cookie needs the X-XSRF-TOKEN header (the value of the XSRF-TOKEN cookie)',
  'auth.login_failed': 'Wrong e-mail address or password',
  'auth.too_many_attempts': 'Too many sign-in attempts from this address: at most {limit} a minute',
  'auth.locked': 'Too many failed sign-ins for this address: try again after {until}',

  // The manual clock.
  'clock.not_manual': 'The clock can only be read and moved when the service runs with CLOCK=manual',
  'clock.bad_duration': 'by: "{text}" is not an ISO 8601 duration such as P3D or PT2H',
  'clock.months_or_years': 'by: use days, hours or minutes rather than months or years',
  'clock.backwards': 'by: the clock cannot go back',
  'clock.in_the_past': 'to: {to} is in the past (the clock is at {now})',

  // DSL sources (the diagnostics themselves are in details.diagnostics).
  'source.invalid': 'source: {line}:{column}: {diagnostic}',
  'source.declaration_count': 'source: a {kind} source holds exactly one {kind} declaration',
  'source.name_mismatch': 'name: "{given}" differs from the name in the source ("{name}")',

  // Flows.
  'flow.running_edit': 'A running flow cannot be edited: pause it first',
  'flow.running_delete': 'A running flow cannot be deleted: pause or end it first',
  'flow.status_change': 'The flow is {status|noun}; it can only go to {to|noun} from {from|noun}',
  'flow.not_startable': 'The flow cannot start: {problems}',
  'flow.not_running': 'The flow is not running: start it before enrolling persons',
  'flow.move_not_removed': 'moves: step {step} is not a step this edit removes',
  'flow.move_unknown_target': 'moves: {step} is not a step of the edited flow',

  // Workflows and their settings forms.
  'workflow.customized':
    'This workflow was changed in the DSL editor; this form would drop: {parts}. Edit it in the DSL editor.',
  'workflow.settings_not_found':
    'No workflow settings at {path}; use task-types, quote-request-statuses, opportunity-statuses or intake-measures',
  'workflow.not_expressible': 'These settings cannot be written as a workflow',
  'settings.template_required': 'Choose an e-mail template',
  'settings.template_missing': '{field}: choose the e-mail template',
  'settings.delay_missing': '{field}: say after how many days the e-mail goes out (0 for at once)',
  'settings.recipient_missing': '{field}: choose who receives the e-mail',
  'settings.reminder_interval_missing': '{field}: say every how many days the reminder goes out',
  'settings.reminder_max_missing': '{field}: say how many reminders at most',
  'settings.days': 'The number of days must be a whole number, 0 or more',
  'settings.reminder_interval': 'Reminders repeat every whole number of days, 1 or more',
  'settings.reminder_max': 'The maximum number of reminders is a whole number, 1 or more',
  'settings.recipient_required': 'Choose a recipient',
  'settings.recipient_invalid': "The recipient is {roles} or an e-mail address, not '{recipient}'",
  'settings.completion_delay_required': 'Give the number of days after completion',
  'settings.unknown_template': '{field}: no template with key "{key}"',
  'settings.sms_template': '{field}: "{key}" is an SMS template; choose an e-mail template',

  // Templates.
  'template.key_format': 'key: use letters, digits, dots, dashes and underscores only',
  'template.invalid': '{issues}',
  'template.subject_required': 'an e-mail template needs a subject',
  'template.sms_subject': 'an SMS template has no subject',
  'template.syntax': '{problem}',
  'template.render_failed': '{field}: the template cannot be rendered: {problem}',
  'template.unknown_variable': 'unknown variable "{variable}"',
  'template.test_to_email': 'to: expected an e-mail address',
  'preview.record_pair': '{field}: give recordType and recordId together',

  // Files, import and export.
  'file.missing': 'file: send the file as multipart/form-data in a field named "file"',
  'file.too_large': 'The file is too large: at most 25 MB',
  'import.body_missing': 'body: send the zip archive (Content-Type: application/zip) or JSON {files}',
  'import.not_zip': 'The body is not a zip archive',
  'import.too_many_files': 'The archive has more than {max} files',
  'import.file_too_large': '{file}: larger than {max} bytes',
  'import.archive_too_large': 'The archive unpacks to more than {max} bytes',
  'import.unsafe_path': '{file}: not a safe path',
  'import.nul_character': '{file}: the NUL character (U+0000) is not allowed',
  'import.wrong_format': 'manifest.json: not a {format} version {version} archive',
  'import.template_body_missing': "{file}: the template's body {body} is missing",
  'import.declaration_expected': '{file}: expected one {kind} declaration',
  'import.file_missing': '{file}: missing from the archive',
  'import.not_json': '{file}: not valid JSON',
  'import.running_flow': 'flow "{flow}": it is running; pause it before importing a changed version',
  'suppression.exists': '{address} is already suppressed',
  'suppression.not_found': '{address} is not suppressed',
} as const;

export type ErrorCodeName = keyof typeof en;
