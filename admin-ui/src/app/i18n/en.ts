import type { Dictionary } from './dictionary';

/** The English texts, loaded when someone switches to English. */
export const en: Dictionary = {
  titles: {
    login: 'Sign in · Stroom', workflows: 'Workflows · Stroom', templates: 'Templates · Stroom', flows: 'Flows · Stroom',
    flow: 'Flow · Stroom', messages: 'Messages · Stroom', dsl: 'DSL · Stroom',
  },
  common: {
    save: 'Save', saved: 'Saved', cancel: 'Cancel', all: 'All', yes: 'Yes', no: 'No', status: 'Status', name: 'Name',
    channel: 'Channel', subject: 'Subject', email: 'Email', sms: 'SMS', required: 'Required', flow: 'Flow', workflow: 'Workflow', nobody: 'Nobody', noneYet: 'None yet',
  },
  errors: { generic: 'Something went wrong; please try again.' },
  language: { label: 'Language' },
  shell: { menu: 'Main menu', workflows: 'Workflows', templates: 'Templates', flows: 'Flows', messages: 'Messages', dsl: 'DSL', logout: 'Sign out' },
  login: { email: 'Email address', password: 'Password', submit: 'Sign in' },
  paginator: {
    perPage: 'Per page', first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page',
    range: '{{ from }}–{{ to }} of {{ total }}', pages: 'Pages',
  },
  confirm: { cancel: 'Cancel' },
  participantStatus: {
    queued: 'Waiting', active: 'Active', completed: 'Completed', completed_success: 'Completed successfully', dropout: 'Dropped out', cancelled: 'Cancelled',
  },
  refusalReason: { unsubscribed: 'Unsubscribed', excluded: 'Exclusion list', already_participated: 'Took part before', already_participating: 'Already taking part', filter: 'Filter' },
  messageStatus: { queued: 'Queued', sent: 'Sent', failed: 'Failed' },
  workflows: {
    title: 'Workflows', kinds: 'Kind of workflow', results: 'Results: {{ n }}', description: 'Description', active: 'Active',
    sendReminder: 'Send reminder', onNew: 'New', onExpired: 'Expired', onCompleted: 'Completed', settings: 'Settings',
    tabs: { 'task-types': 'Task types', 'quote-request-statuses': 'Quote request statuses', 'opportunity-statuses': 'Opportunity statuses', 'intake-measures': 'Intake measures' },
    dsl: 'DSL', dslOfWorkflow: 'DSL of this workflow',
  },
  statusForm: {
    customized: "This workflow's DSL was changed and no longer fits this form; edit it in the DSL editor.",
    active: 'Active', template: 'Email template', delayDays: 'After how many days', recipient: 'Recipient', sendReminder: 'Send reminder',
    intervalDays: 'Every how many days', maxCount: 'Maximum number', noWorkflow: 'No workflow yet: switch it on and save.',
    recipients: { person: 'The contact person', owner: 'The owner', our_contact: 'Our contact person', service_contact: 'Our service contact' },
  },
  taskTypeForm: {
    title: 'Task type: {{ name }}', customized: 'This workflow was changed in the DSL; edit it in the DSL editor.', noWorkflow: 'No workflow yet.',
    onExpired: {
      use: 'Uses the expired-task workflow', template: 'Email template for an expired task',
      explanation: 'An email is sent automatically, once, to the person responsible when this task has expired.',
    },
    onCompleted: {
      use: 'Uses the completed-task workflow', template: 'Email template for a completed task', days: 'Days after completion to send the email',
      explanation: "An email is sent automatically, once, to the task's contact when this task has been completed, after the given number of days.",
    },
    onNew: {
      use: 'Uses the new-task workflow', template: 'Email template for a new task',
      explanation: 'An email is sent automatically to the person responsible when the new task is saved.',
    },
  },
  explain: {
    title: 'Explanation for a record', record: 'Find {{ entity }} by name', submit: 'Explain', region: 'Explanation', choose: 'Choose a record first.',
    matches: 'The workflow matches this record now.', noMatch: 'The workflow does not match this record now.', current: 'current value: {{ value }}',
    emptyValue: 'empty', holds: 'met', fails: 'not met', inactive: 'The workflow is switched off.',
    planned: 'Scheduled:', email: 'Email at {{ at }}', reminder: 'Reminder {{ n }} at {{ at }}', nothingPlanned: 'Nothing scheduled.',
    entities: { quote_request: 'the quote request', opportunity: 'the opportunity', intake_measure: 'the intake measure', task: 'the task' },
    tests: {
      trigger: '{{ field }} is {{ to }} (the value the workflow starts on)',
      compare: { '=': '{{ field }} is {{ value }}', '!=': '{{ field }} is not {{ value }}', '<': '{{ field }} is less than {{ value }}', '<=': '{{ field }} is at most {{ value }}', '>': '{{ field }} is greater than {{ value }}', '>=': '{{ field }} is at least {{ value }}' },
      in: '{{ field }} is one of {{ values }}', contains: '{{ field }} contains {{ value }}',
      empty: '{{ field }} is empty', notEmpty: '{{ field }} is not empty', changed: '{{ field }} changed',
      changedTo: '{{ field }} changed to {{ to }}', changedFrom: '{{ field }} changed from {{ from }}', changedFromTo: '{{ field }} changed from {{ from }} to {{ to }}',
      inverted: 'not: {{ test }}',
    },
  },
  templates: {
    title: 'Templates', count: { one: '{{ n }} template', other: '{{ n }} templates' }, key: 'Key', edit: 'Edit template',
  },
  templateEditor: {
    name: 'Name', subject: 'Subject', variable: 'Insert variable', body: 'Text', preview: 'Preview',
    previewSubject: 'Subject:', previewFrame: 'Preview of the email',
    segments: { one: '{{ n }} SMS part', other: '{{ n }} SMS parts' }, test: 'Test message', toEmail: 'To email address', toPhone: 'To mobile number',
    send: 'Send test', queued: 'Test message to {{ to }} is queued',
  },
  flows: {
    title: 'Flows', which: 'Which flows', all: 'All', recent: 'Recent', search: 'Search', view: 'View', list: 'List', tiles: 'Tiles',
    count: { one: '{{ n }} flow', other: '{{ n }} flows' }, activeParticipants: 'Active participants', done: 'Completed', updated: 'Changed',
    updatedOn: 'changed {{ date }}', tile: '{{ active }} active · {{ done }} completed',
  },
  flowPage: {
    tasks: 'Tasks ▾', end: 'End',
    remove: 'Delete', parts: 'Parts of the flow',
    tabs: { summary: 'Summary', diagram: 'Steps', reports: 'Reports', participants: 'Participants', source: 'Source' },
    confirmEnd: { title: 'End flow', text: 'Active and waiting participants are cancelled and never continue.', confirm: 'End' },
    confirmRemove: { title: 'Delete flow', text: 'The flow, its versions and its participants are deleted.', confirm: 'Delete' },
  },
  flowSummary: { enrolled: 'Enrolled', successRate: 'Success rate', participants: 'Participants', refused: 'Refused', perStep: 'Per step (active)', messages: 'Messages' },
  flowDiagram: {
    steps: 'Steps of the flow', step: 'Step', hint: 'Click a step to see its settings.', end: 'End',
    kinds: {
      send_email: 'Send email', send_sms: 'Send SMS', update_person: 'Update person', membership: 'Selection/project',
      create_follow_up: 'Create follow-up', create_request: 'Create request', create_sale: 'Create sale', distribute: 'Distribute to owner',
      run_script: 'Run script', notify_email: 'Notify by email', notify_sms: 'Notify by SMS', wait: 'Wait', wait_until: 'Wait until',
      wait_for: 'Wait for action', split: 'Split', leave: 'Leave flow', complete: 'Completed',
    },
  },
  flowReports: {
    success: 'Success rate: {{ rate }}% ({{ succeeded }} of {{ enrolled }})', perDay: 'Enrolments per day', perStep: 'Active participants per step',
    perStatus: 'Participants per status', messages: 'Messages', messagesPerStatus: 'Messages per status',
    enrolments: 'Enrolments', participants: 'Participants',
  },
  flowParticipants: {
    count: { one: '{{ n }} participant', other: '{{ n }} participants' }, email: 'Email', company: 'Company', enrolled: 'Enrolled',
    step: 'Current step', lastMessage: 'Last message',
  },
  audit: {
    title: 'Change log', none: 'No changes yet', show: 'Show change', hide: 'Hide', before: 'Before', after: 'After',
    actions: { created: 'created', updated: 'changed', deleted: 'deleted', started: 'started', paused: 'paused', resumed: 'resumed', ended: 'ended' },
  },
  flowSource: {
    dsl: 'DSL of the flow', versions: 'Versions', version: 'Version {{ n }}', compare: 'Compare with current',
    comparing: 'Version {{ n }} (left) and the current one (right)', diff: 'Difference between versions',
  },
  dsl: {
    title: 'DSL', rule: 'Rule', format: 'Format', diff: 'Difference with saved version', editor: 'DSL editor',
    errors: { one: '{{ n }} error', other: '{{ n }} errors' }, warnings: { one: '{{ n }} warning', other: '{{ n }} warnings' },
    impact: 'Effect on participants', changed: 'Step {{ step }} changes: {{ n }} participant(s) are on it.',
    removed: 'Step {{ step }} is removed; {{ n }} participant(s) are on it.', moveTo: 'Participants of {{ step }} go to', letComplete: 'Let them complete',
  },
  messages: {
    title: 'Messages', channel: 'Channel', recipient: 'Recipient', source: 'Rule or flow', date: 'Date', retry: 'attempt {{ n }} failed; again at {{ at }}',
    count: { one: '{{ n }} message', other: '{{ n }} messages' },
  },
  workflowForms: {
    openInDsl: 'Open in the DSL editor',
    validation: {
      required: 'Required', min: 'At least {{ min }}', max: 'At most {{ max }}', integer: 'A whole number', number: 'A number',
      minlength: 'At least {{ n }} characters', maxlength: 'At most {{ n }} characters', email: 'A valid email address', pattern: 'Invalid value',
      invalid: 'Invalid value',
    },
  },
  mobile: {
    openMenu: 'Open menu',
    zoom: { label: 'Diagram zoom', in: 'Zoom in', out: 'Zoom out', fit: 'Fit', level: '{{ n }}%' },
    diagram: {
      others: 'all others', stepSource: 'DSL of this step',
      units: {
        minutes: { one: '{{ n }} minute', other: '{{ n }} minutes' },
        hours: { one: '{{ n }} hour', other: '{{ n }} hours' },
        days: { one: '{{ n }} day', other: '{{ n }} days' },
        workdays: { one: '{{ n }} workday', other: '{{ n }} workdays' },
        weeks: { one: '{{ n }} week', other: '{{ n }} weeks' },
      },
      events: { link_clicked: 'link clicked', email_opened: 'e-mail opened', form_submitted: 'form submitted' },
      change: { add: 'add to', remove: 'remove from' },
      target: { selection: 'selection', project: 'project' },
    },
  },
  flowState: {
    not_running: 'Not running', running: 'Running', paused: 'Paused',
    switchLabel: { not_running: 'OFF', running: 'ON', paused: 'OFF · paused' },
    confirmPause: {
      title: 'Pause flow',
      text: 'Participants stay on their current step until you switch the flow on again. Its triggers stay on: new enrolments are queued and move to the first step only after resuming.',
      confirm: 'Pause',
    },
    reasons: {
      unsubscribed: 'unsubscribed', excluded: 'on the exclusion list', failed_delivery: 'delivery failed', no_mobile_number: 'no mobile number',
      person_deleted: 'person deleted', time_out: 'wait timed out', flow_ended: 'flow ended', no_longer_matches: 'no longer matches',
    },
  },
  recordPicker: {
    hint: 'Type part of the name and choose', none: 'Nothing found',
    placeholder: {
      person: 'Name or e-mail address', quote_request: "Person's name, kind or status", opportunity: "Person's name or status",
      intake_measure: "Person's name or status", task: "Title or contact person's name",
    },
    kinds: { person: 'Person', quote_request: 'Quote request', opportunity: 'Opportunity', intake_measure: 'Intake measure', task: 'Task' },
    kind: 'Kind of record', record: 'Find {{ kind }}',
    sample: 'Sample data of {{ one }}: choose a record for real data.', chosen: 'Data of {{ label }}.',
    usedWith: 'This template is used with {{ kinds }}.',
    one: {
      person: 'a person', company: 'a company', task: 'a task', quote_request: 'a quote request', opportunity: 'an opportunity',
      intake_measure: 'an intake measure', sale: 'a sale', request: 'a request', follow_up: 'a follow-up',
    },
    many: {
      person: 'persons', company: 'companies', task: 'tasks', quote_request: 'quote requests', opportunity: 'opportunities',
      intake_measure: 'intake measures', sale: 'sales', request: 'requests', follow_up: 'follow-ups',
    }, notUsed: 'No workflow or flow uses this template yet.',
    empty: 'Empty variables in this preview', noneEmpty: 'Every variable in this preview has a value.',
    testOn: 'The test message uses the same data as the preview.',
  },
  messageDetail: {
    pageTitle: 'Message · Stroom', back: 'All messages', open: 'View message', smsTo: 'SMS to {{ to }}', noSubject: '(no subject)',
    status: 'Status', channel: 'Channel', recipient: 'Recipient', person: 'Person', noPerson: 'No person', source: 'Came from', noSource: 'Test message or manual',
    step: 'step {{ step }}', created: 'Created', sent: 'Sent', nextAttempt: 'Next attempt', error: 'Reason',
    body: 'Content', bodyFrame: 'Content of the e-mail', headers: 'Headers', headersNote: 'As they were or will be sent.', header: 'Header', value: 'Value',
    attempts: 'Delivery attempts', noAttempts: 'No delivery attempt yet.', attemptAt: 'Time', outcome: 'Outcome', transport: 'Via',
    outcomes: { sent: 'Delivered', failed: 'Failed' }, notFound: 'This message does not exist (any more).',
  },
  dslEditor: {
    new: 'New', draft: 'New {{ kind }}, not saved yet', problems: 'Problems', noProblems: 'No problems',
    severity: { error: 'error', warning: 'warning', info: 'info' }, position: 'line {{ line }}, column {{ column }}',
    fix: 'Replace with \'{{ suggestion }}\'', formatBlocked: 'Cannot format: line {{ line }} has a syntax error ({{ message }})',
    diffUnsaved: 'Nothing saved yet: choose a rule or create one; the comparison with the saved version comes after saving.',
    running: 'This flow is running: pause the flow first to edit it. The text is read-only.',
  },
  unsaved: { title: 'Discard changes?', text: 'The changes have not been saved yet.', confirm: 'Discard' },
};
