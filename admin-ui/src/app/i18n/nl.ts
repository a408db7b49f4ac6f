/** The Dutch texts, the UI's default (labels as in the seeds). `en.ts` has the same keys; the compiler checks it. */
export const nl = {
  titles: {
    login: 'Inloggen · Stroom', workflows: 'Workflows · Stroom', templates: 'Sjablonen · Stroom', flows: 'Flows · Stroom',
    flow: 'Flow · Stroom', messages: 'Berichten · Stroom', dsl: 'DSL · Stroom',
  },
  common: {
    save: 'Opslaan', saved: 'Opgeslagen', cancel: 'Annuleren', all: 'Alle', yes: 'Ja', no: 'Nee', status: 'Status', name: 'Naam',
    channel: 'Kanaal', subject: 'Onderwerp', email: 'E-mail', sms: 'SMS', required: 'Verplicht', flow: 'Flow', workflow: 'Workflow', nobody: 'Niemand', noneYet: 'Nog geen',
  },
  errors: { generic: 'Er ging iets mis; probeer het opnieuw.' },
  language: { label: 'Taal' },
  shell: { menu: 'Hoofdmenu', workflows: 'Workflows', templates: 'Sjablonen', flows: 'Flows', messages: 'Berichten', dsl: 'DSL', logout: 'Uitloggen' },
  login: { email: 'E-mailadres', password: 'Wachtwoord', submit: 'Inloggen' },
  paginator: {
    perPage: 'Per pagina', first: 'Eerste pagina', previous: 'Vorige pagina', next: 'Volgende pagina', last: 'Laatste pagina',
    range: '{{ from }}–{{ to }} van {{ total }}', pages: "Pagina's",
  },
  confirm: { cancel: 'Annuleren' },
  participantStatus: {
    queued: 'Wachtend', active: 'Actief', completed: 'Voltooid', completed_success: 'Voltooid met succes', dropout: 'Uitgevallen', cancelled: 'Geannuleerd',
  },
  refusalReason: { unsubscribed: 'Afgemeld', excluded: 'Uitsluitingslijst', already_participated: 'Al eerder deelgenomen', already_participating: 'Neemt al deel', filter: 'Filter' },
  messageStatus: { queued: 'In de wachtrij', sent: 'Verstuurd', failed: 'Mislukt', suppressed: 'Geblokkeerd' },
  workflows: {
    title: 'Workflows', kinds: 'Soort workflow', results: 'Resultaten: {{ n }}', description: 'Omschrijving', active: 'Actief',
    sendReminder: 'Verstuur herinnering', onNew: 'Nieuw', onExpired: 'Verlopen', onCompleted: 'Afgerond', settings: 'Instellingen',
    tabs: { 'task-types': 'Taak types', 'quote-request-statuses': 'Kansactie statussen', 'opportunity-statuses': 'Kans statussen', 'intake-measures': 'Intake maatregelen' },
    dsl: 'DSL', dslOfWorkflow: 'DSL van deze workflow',
  },
  statusForm: {
    customized: 'De DSL van deze workflow is aangepast en past niet meer in dit formulier; bewerk hem in de DSL-editor.',
    active: 'Actief', template: 'E-mailsjabloon', delayDays: 'Na hoeveel dagen', recipient: 'Ontvanger', sendReminder: 'Verstuur herinnering',
    intervalDays: 'Elke hoeveel dagen', maxCount: 'Maximaal aantal', noWorkflow: 'Nog geen workflow: zet hem aan en sla op.',
    recipients: { person: 'De contactpersoon', owner: 'De eigenaar', our_contact: 'Onze contactpersoon', service_contact: 'Onze servicecontactpersoon' },
  },
  taskTypeForm: {
    title: 'Taak type: {{ name }}', customized: 'Deze workflow is in de DSL aangepast; bewerk hem in de DSL-editor.', noWorkflow: 'Nog geen workflow.',
    onExpired: {
      use: 'Gebruikt workflow verlopen taak', template: 'Template email verlopen taak',
      explanation: 'Er zal automatisch eenmalig een e-mail verstuurd worden naar de verantwoordelijke als deze taak is verlopen.',
    },
    onCompleted: {
      use: 'Gebruikt workflow afgehandelde taak', template: 'Template email afgehandelde taak', days: 'Aantal dagen email na afgehandelde taak',
      explanation: 'Er zal automatisch eenmalig een e-mail verstuurd worden naar contact taak als deze taak is afgehandeld is, rekening houdend met het opgegeven aantal dagen.',
    },
    onNew: {
      use: 'Gebruikt workflow nieuwe taak', template: 'Template email nieuwe taak',
      explanation: 'Er zal automatisch een e-mail verstuurd worden naar de verantwoordelijke als de nieuwe taak wordt opgeslagen.',
    },
  },
  explain: {
    title: 'Uitleg voor een record', recordId: 'Id van {{ entity }}', submit: 'Uitleggen', region: 'Uitleg',
    matches: 'De workflow past nu op dit record.', noMatch: 'De workflow past nu niet op dit record.', value: 'waarde:',
    planned: 'Gepland:', email: 'E-mail op {{ at }}', reminder: 'Herinnering {{ n }} op {{ at }}', nothingPlanned: 'Niets gepland.',
    entities: { quote_request: 'de kansactie', opportunity: 'de kans', intake_measure: 'de intakemaatregel', task: 'de taak' },
  },
  templates: {
    title: 'Sjablonen', count: { one: '{{ n }} sjabloon', other: '{{ n }} sjablonen' }, key: 'Sleutel', edit: 'Sjabloon bewerken',
  },
  templateEditor: {
    name: 'Naam', subject: 'Onderwerp', variable: 'Variabele invoegen', body: 'Tekst', preview: 'Voorbeeld',
    previewPerson: 'Voor persoon (id; leeg: voorbeeldpersoon)', previewSubject: 'Onderwerp:', previewFrame: 'Voorbeeld van de e-mail',
    segments: { one: '{{ n }} SMS-deel', other: '{{ n }} SMS-delen' }, test: 'Testbericht', toEmail: 'Naar e-mailadres', toPhone: 'Naar mobiel nummer',
    send: 'Verstuur test', queued: 'Testbericht naar {{ to }} staat in de wachtrij',
  },
  flows: {
    title: 'Flows', which: 'Welke flows', all: 'Alle', recent: 'Recent', search: 'Zoeken', view: 'Weergave', list: 'Lijst', tiles: 'Tegels',
    count: { one: '{{ n }} flow', other: '{{ n }} flows' }, activeParticipants: 'Actieve deelnemers', done: 'Voltooid', updated: 'Gewijzigd',
    updatedOn: 'gewijzigd {{ date }}', tile: '{{ active }} actief · {{ done }} voltooid',
  },
  flowPage: {
    tasks: 'Taken ▾', end: 'Beëindigen',
    remove: 'Verwijderen', parts: 'Onderdelen van de flow',
    tabs: { summary: 'Overzicht', diagram: 'Stappen', reports: 'Rapporten', participants: 'Deelnemers', source: 'Bron' },
    confirmEnd: { title: 'Flow beëindigen', text: 'Actieve en wachtende deelnemers worden geannuleerd en gaan nooit meer verder.', confirm: 'Beëindigen' },
    confirmRemove: { title: 'Flow verwijderen', text: 'De flow, zijn versies en deelnemers worden verwijderd.', confirm: 'Verwijderen' },
  },
  flowSummary: { enrolled: 'Ingeschreven', successRate: 'Succesratio', participants: 'Deelnemers', refused: 'Geweigerd', perStep: 'Per stap (actief)', messages: 'Berichten' },
  flowDiagram: {
    steps: 'Stappen van de flow', step: 'Stap', hint: 'Klik op een stap voor zijn instellingen.', end: 'Einde',
    kinds: {
      send_email: 'E-mail versturen', send_sms: 'SMS versturen', update_person: 'Persoon bijwerken', membership: 'Selectie/project',
      create_follow_up: 'Vervolgactiviteit maken', create_request: 'Verzoek maken', create_sale: 'Verkoop maken', distribute: 'Distribueer naar eigenaar',
      run_script: 'Script uitvoeren', notify_email: 'Melden via e-mail', notify_sms: 'Melden via SMS', wait: 'Wachttijd', wait_until: 'Wachten tot',
      wait_for: 'Wacht op actie', split: 'Opsplitsen', leave: 'Flow verlaten', complete: 'Voltooid',
    },
  },
  flowReports: {
    success: 'Succesratio: {{ rate }}% ({{ succeeded }} van {{ enrolled }})', perDay: 'Inschrijvingen per dag', perStep: 'Actieve deelnemers per stap',
    perStatus: 'Deelnemers per status', messages: 'Berichten', messagesPerStatus: 'Berichten per status',
    enrolments: 'Inschrijvingen', participants: 'Deelnemers',
  },
  flowParticipants: {
    count: { one: '{{ n }} deelnemer', other: '{{ n }} deelnemers' }, email: 'E-mail', company: 'Bedrijf', enrolled: 'Ingeschreven',
    step: 'Huidige stap', lastMessage: 'Laatste bericht',
  },
  audit: {
    title: 'Wijzigingslog', none: 'Nog geen wijzigingen', show: 'Toon wijziging', hide: 'Verberg', before: 'Voor', after: 'Na',
    actions: { created: 'aangemaakt', updated: 'gewijzigd', deleted: 'verwijderd', started: 'gestart', paused: 'gepauzeerd', resumed: 'hervat', ended: 'beëindigd' },
  },
  flowSource: {
    dsl: 'DSL van de flow', versions: 'Versies', version: 'Versie {{ n }}', compare: 'Vergelijk met huidige',
    comparing: 'Versie {{ n }} (links) en de huidige (rechts)', diff: 'Verschil tussen versies',
  },
  dsl: {
    title: 'DSL', rule: 'Regel', format: 'Formatteren', diff: 'Verschil met opgeslagen versie', editor: 'DSL-editor',
    errors: { one: '{{ n }} fout', other: '{{ n }} fouten' }, warnings: { one: '{{ n }} waarschuwing', other: '{{ n }} waarschuwingen' },
    impact: 'Gevolgen voor deelnemers', changed: 'Stap {{ step }} verandert: {{ n }} deelnemer(s) staan erop.',
    removed: 'Stap {{ step }} wordt verwijderd; {{ n }} deelnemer(s) staan erop.', moveTo: 'Deelnemers van {{ step }} naar', letComplete: 'Laten voltooien',
  },
  messages: {
    title: 'Berichten', channel: 'Kanaal', recipient: 'Ontvanger', source: 'Regel of flow', date: 'Datum', retry: 'poging {{ n }} mislukt; opnieuw om {{ at }}',
    count: { one: '{{ n }} bericht', other: '{{ n }} berichten' },
  },
  workflowForms: {
    openInDsl: 'Openen in de DSL-editor',
    discard: { title: 'Wijzigingen weggooien?', text: 'De wijzigingen in dit formulier zijn nog niet opgeslagen.', confirm: 'Weggooien' },
    validation: {
      required: 'Verplicht', min: 'Minimaal {{ min }}', max: 'Maximaal {{ max }}', integer: 'Een geheel getal', number: 'Een getal',
      minlength: 'Minimaal {{ n }} tekens', maxlength: 'Maximaal {{ n }} tekens', email: 'Een geldig e-mailadres', pattern: 'Ongeldige waarde',
      invalid: 'Ongeldige waarde',
    },
  },
  mobile: {
    openMenu: 'Menu openen',
    zoom: { label: 'Zoom van het diagram', in: 'Inzoomen', out: 'Uitzoomen', fit: 'Passend maken', level: '{{ n }}%' },
    diagram: {
      others: 'alle anderen', stepSource: 'DSL van deze stap',
      units: {
        minutes: { one: '{{ n }} minuut', other: '{{ n }} minuten' },
        hours: { one: '{{ n }} uur', other: '{{ n }} uur' },
        days: { one: '{{ n }} dag', other: '{{ n }} dagen' },
        workdays: { one: '{{ n }} werkdag', other: '{{ n }} werkdagen' },
        weeks: { one: '{{ n }} week', other: '{{ n }} weken' },
      },
      events: { link_clicked: 'link aangeklikt', email_opened: 'e-mail geopend', form_submitted: 'formulier ingevuld' },
      change: { add: 'toevoegen aan', remove: 'verwijderen uit' },
      target: { selection: 'selectie', project: 'project' },
    },
  },
  flowState: {
    not_running: 'Wordt niet uitgevoerd', running: 'Wordt uitgevoerd', paused: 'Gepauzeerd',
    switchLabel: { not_running: 'UIT', running: 'AAN', paused: 'UIT · gepauzeerd' },
    confirmPause: {
      title: 'Flow pauzeren',
      text: 'Deelnemers blijven op hun huidige stap tot je de flow weer aanzet. De triggers blijven actief: nieuwe inschrijvingen komen in de wachtrij en gaan pas na hervatten naar de eerste stap.',
      confirm: 'Pauzeren',
    },
    reasons: {
      suppressed: 'adres geblokkeerd', unsubscribed: 'afgemeld', excluded: 'op de uitsluitingslijst', failed_delivery: 'bezorging mislukt', no_mobile_number: 'geen mobiel nummer',
      person_deleted: 'persoon verwijderd', time_out: 'wachttijd verlopen', flow_ended: 'flow beëindigd', no_longer_matches: 'voldoet niet meer',
    },
  },
  suppressions: {
    nav: 'Blokkeerlijst', pageTitle: 'Blokkeerlijst · Stroom', title: 'Blokkeerlijst',
    intro: 'Naar deze adressen gaat geen e-mail, ook geen workflow-e-mail: ze bouncten, klaagden over spam of zijn hier met de hand gezet. Verwijder een adres om er weer naar te mailen.',
    address: 'E-mailadres', add: 'Blokkeren', search: 'Zoeken op adres', reason: 'Reden', since: 'Sinds', actions: 'Acties',
    remove: 'Verwijderen', removeAddress: '{{ address }} van de blokkeerlijst verwijderen',
    count: { one: '{{ n }} geblokkeerd adres', other: '{{ n }} geblokkeerde adressen' },
    reasons: { hard_bounce: 'adres bestaat niet (harde bounce)', complaint: 'klacht (spam gemeld)', soft_bounces: '3 keer op rij niet bezorgd', manual: 'met de hand geblokkeerd' },
  },
};
