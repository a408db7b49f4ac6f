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
    title: 'Explanation for a record', recordId: 'Id of {{ entity }}', submit: 'Explain', region: 'Explanation',
    matches: 'The workflow matches this record now.', noMatch: 'The workflow does not match this record now.', value: 'value:',
    planned: 'Scheduled:', email: 'Email at {{ at }}', reminder: 'Reminder {{ n }} at {{ at }}', nothingPlanned: 'Nothing scheduled.',
    entities: { quote_request: 'the quote request', opportunity: 'the opportunity', intake_measure: 'the intake measure', task: 'the task' },
  },
  templates: {
    title: 'Templates', count: { one: '{{ n }} template', other: '{{ n }} templates' }, key: 'Key', edit: 'Edit template',
  },
  templateEditor: {
    name: 'Name', subject: 'Subject', variable: 'Insert variable', body: 'Text', preview: 'Preview',
    previewPerson: 'For person (id; empty: sample person)', previewSubject: 'Subject:', previewFrame: 'Preview of the email',
    segments: { one: '{{ n }} SMS part', other: '{{ n }} SMS parts' }, test: 'Test message', toEmail: 'To email address', toPhone: 'To mobile number',
    send: 'Send test', queued: 'Test message to {{ to }} is queued',
  },
  flows: {
    title: 'Flows', which: 'Which flows', all: 'All', recent: 'Recent', running: 'Running', search: 'Search', view: 'View', list: 'List', tiles: 'Tiles',
    count: { one: '{{ n }} flow', other: '{{ n }} flows' }, activeParticipants: 'Active participants', done: 'Completed', updated: 'Changed',
    updatedOn: 'changed {{ date }}', tile: '{{ active }} active · {{ done }} completed',
    status: { not_running: 'OFF', running: 'ON', paused: 'Paused' },
  },
  flowPage: {
    status: { not_running: 'Not running', running: 'Running', paused: 'Paused' }, on: 'ON', off: 'OFF', tasks: 'Tasks ▾', end: 'End',
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
    discard: { title: 'Discard changes?', text: 'The changes in this form have not been saved yet.', confirm: 'Discard' },
    validation: {
      required: 'Required', min: 'At least {{ min }}', max: 'At most {{ max }}', integer: 'A whole number', number: 'A number',
      minlength: 'At least {{ n }} characters', maxlength: 'At most {{ n }} characters', email: 'A valid email address', pattern: 'Invalid value',
      invalid: 'Invalid value',
    },
  },
  designer: {
    pageTitle: 'Design a flow · Stroom', titleNew: 'New flow', titleEdit: 'Design the flow', menu: 'Step menu', diagram: 'Diagram', dslTab: 'DSL',
    dslText: "The flow's DSL text", undo: 'Undo', redo: 'Redo', start: 'Start', copy: 'Copy', view: 'To the flow',
    started: 'The flow is running.', copied: 'Copy made: {{ name }}', readOnly: 'You can view this flow but not change it (flow administrators only).',
    runningNote: 'This flow is running; pause it first to change it.', savedWithWarnings: 'Saved; {{ n }} point(s) still open before the start',
    startRefused: 'The flow cannot start yet:', stepLabel: 'Step {{ id }}', trigger: 'Start of the flow', flowSettings: 'Trigger, filter and settings',
    selectHint: 'Choose the start or a step to see its settings. Drag a step from the step menu to a free slot (+), or choose a slot and then a step.',
    pickForSlot: 'Pick a step for the chosen slot.', slotHere: 'Slot {{ n }}: insert a step here', slotEnd: 'Slot at the end: insert a step here',
    others: 'All others', othersLeave: 'leave the flow', delete: 'Delete', deleteTitle: 'Delete the step?',
    deleteOne: 'This step will be deleted.', deleteMany: 'This step and the steps in its branches will be deleted: {{ n }} steps.',
    missing: 'Still to fill in', notThereYet: 'does not exist yet', conditionError: 'This condition cannot be read, for example: person.category = "lead"',
    filterHint: 'Checked once at enrolment', addBranch: 'Add branch', removeBranch: 'Remove branch', addRow: 'Add row', removeRow: 'Remove row',
    smsCount: '{{ n }} characters, {{ segments }} SMS message(s)', completeHelp: 'The end of the flow for whoever arrives here.', inDslTab: 'Change these settings on the DSL tab.',
    status: { not_running: 'Not running', running: 'Running', paused: 'Paused' },
    groups: { send: 'Send a message', update: 'Update the participant', create: 'Create an activity', internal: 'Internal actions' },
    steps: {
      send_email: 'Send e-mail', send_sms: 'Send SMS', update_person: 'Update person', membership_add: 'Add to selection/project',
      membership_remove: 'Remove from selection/project', create_follow_up: 'Create follow-up', create_request: 'Create request', create_sale: 'Create sale',
      distribute: 'Distribute to owner', run_script: 'Run script', notify_email: 'Notify by e-mail', notify_sms: 'Notify by SMS', wait: 'Wait',
      wait_until: 'Wait until a date', wait_for: 'Wait for action', split: 'Split', leave: 'Leave flow', complete: 'Completed',
    },
    fields: {
      template: 'E-mail template', newTemplateKey: 'Template key (also one still to write)', subject: 'Subject', smsText: 'SMS text', amount: 'Amount',
      unit: 'Unit', until: 'Until', event: 'Action', form: 'Form', atMost: 'Wait at most', onTimeout: 'After the longest wait',
      leaveSelection: 'On leaving add to selection', name: 'Name', branchName: 'Branch name', condition: 'Condition', field: 'Field', action: 'Action',
      value: 'Value', target: 'Kind', title: 'Title', type: 'Type', stage: 'Stage', amountEuro: 'Amount (€)', status: 'Status', trigger: 'Trigger',
      selection: 'Selection', exclude: 'Exclusion list (selection)', once: 'A person may start this flow only once', successThen: 'When success is reached', when: 'When', assign: 'Assign to', owner: 'Owner', employeeEmail: "The employee's e-mail address", leaveFlow: 'On leaving propose to flow', onSuccess: 'With success: propose to flow', onNoSuccess: 'Without success: propose to flow', to: 'To', address: 'Address or number', script: 'Script', filter: 'Filter (who may take part)', sender: 'Sender', replyTo: 'Reply-to address',
    },
    units: { hours: 'hours', days: 'days', workdays: 'workdays', weeks: 'weeks', minutes: 'minutes' },
    events: { link_clicked: 'Link clicked', email_opened: 'E-mail opened', form_submitted: 'Form submitted' },
    timeout: { continue: 'Continue to the next step', leave: 'Leave the flow (dropout)' },
    operations: { set: 'Set', clear: 'Clear', add: 'Add', remove: 'Remove', increase: 'Increase' },
    stages: { open: 'Open', sold: 'Sold', lost: 'Lost' },
    targets: { selection: 'selection', project: 'project' },
    triggers: {
      none: 'None', manual: 'Manual enrolment', form_submitted: 'Form submitted', selection_added: 'Added to selection', link_clicked: 'Link clicked',
      condition: 'Field change (condition)',
    },
    recipients: { our_contact: 'Our contact', service_contact: 'Our service contact', address: 'An address or number', auto: 'Automatic', unassigned: 'Unassigned', employee: 'An employee (e-mail address)' },
    scriptHint: 'The participant moves on at once; the script runs apart, with time and memory limits.',
    successTitle: 'Success criteria', successOther: 'And {{ n }} criterion/criteria you change on the DSL tab.',
    success: { sale: 'Sale created', follow_up: 'Follow-up created', request: 'Request created', link_clicked: 'Link clicked', stop: 'Stop (completed with success)', continue: 'Continue the flow' },
    followUpDate: { first_available: 'First available moment', after: 'After a wait', task_date: "The task type's date" },
    impact: {
      title: 'What this does to participants', changed: 'Step {{ step }} changes: {{ n }} participant(s) stand on it.',
      removed: 'Step {{ step }} is removed; {{ n }} participant(s) stand on it.', moveTo: 'Participants of {{ step }} go to', complete: 'Let them complete',
    },
    summary: {
      notChosen: 'not chosen yet', sendEmail: 'Template {{ template }}', smsTemplate: 'Template {{ template }}', smsText: '{{ n }} characters',
      updatePerson: '{{ n }} field(s)', addTo: 'To {{ target }} {{ name }}', removeFrom: 'From {{ target }} {{ name }}', create: '{{ title }}, type {{ type }}',
      distributeGroup: 'Group {{ name }}', distributeAmong: 'Among {{ n }} employee(s)', script: '{{ n }} line(s)', wait: '{{ duration }}', waitUntil: 'Until {{ until }}',
      waitFor: '{{ event }}, at most {{ duration }}', split: '{{ n }} branch(es): {{ conditions }}', leave: '{{ n }} action(s) on leaving', complete: 'End of the flow',
    },
  },
};
