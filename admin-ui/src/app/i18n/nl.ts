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
  messageStatus: { queued: 'In de wachtrij', sent: 'Verstuurd', failed: 'Mislukt' },
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
    title: 'Uitleg voor een record', record: 'Zoek {{ entity }} op naam', submit: 'Uitleggen', region: 'Uitleg', choose: 'Kies eerst een record.',
    matches: 'De workflow past nu op dit record.', noMatch: 'De workflow past nu niet op dit record.', current: 'huidige waarde: {{ value }}',
    emptyValue: 'leeg', holds: 'voldaan', fails: 'niet voldaan', inactive: 'De workflow staat uit.',
    planned: 'Gepland:', email: 'E-mail op {{ at }}', reminder: 'Herinnering {{ n }} op {{ at }}', nothingPlanned: 'Niets gepland.',
    entities: { quote_request: 'de kansactie', opportunity: 'de kans', intake_measure: 'de intakemaatregel', task: 'de taak' },
    tests: {
      trigger: '{{ field }} is {{ to }} (de waarde waarop de workflow start)',
      compare: { '=': '{{ field }} is {{ value }}', '!=': '{{ field }} is niet {{ value }}', '<': '{{ field }} is kleiner dan {{ value }}', '<=': '{{ field }} is hoogstens {{ value }}', '>': '{{ field }} is groter dan {{ value }}', '>=': '{{ field }} is minstens {{ value }}' },
      in: '{{ field }} is een van {{ values }}', contains: '{{ field }} bevat {{ value }}',
      empty: '{{ field }} is leeg', notEmpty: '{{ field }} is niet leeg', changed: '{{ field }} is gewijzigd',
      changedTo: '{{ field }} is gewijzigd naar {{ to }}', changedFrom: '{{ field }} is gewijzigd van {{ from }}', changedFromTo: '{{ field }} is gewijzigd van {{ from }} naar {{ to }}',
      inverted: 'niet: {{ test }}',
    },
  },
  templates: {
    title: 'Sjablonen', count: { one: '{{ n }} sjabloon', other: '{{ n }} sjablonen' }, key: 'Sleutel', edit: 'Sjabloon bewerken',
  },
  templateEditor: {
    name: 'Naam', subject: 'Onderwerp', variable: 'Variabele invoegen', body: 'Tekst', preview: 'Voorbeeld',
    previewSubject: 'Onderwerp:', previewFrame: 'Voorbeeld van de e-mail',
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
      unsubscribed: 'afgemeld', excluded: 'op de uitsluitingslijst', failed_delivery: 'bezorging mislukt', no_mobile_number: 'geen mobiel nummer',
      person_deleted: 'persoon verwijderd', time_out: 'wachttijd verlopen', flow_ended: 'flow beëindigd', no_longer_matches: 'voldoet niet meer',
    },
  },
  recordPicker: {
    hint: 'Typ een deel van de naam en kies', none: 'Niets gevonden',
    placeholder: {
      person: 'Naam of e-mailadres', quote_request: 'Naam van de persoon, soort of status', opportunity: 'Naam van de persoon of status',
      intake_measure: 'Naam van de persoon of status', task: 'Titel of naam van de contactpersoon',
    },
    kinds: { person: 'Persoon', quote_request: 'Kansactie', opportunity: 'Kans', intake_measure: 'Intakemaatregel', task: 'Taak' },
    kind: 'Soort record', record: '{{ kind }} zoeken',
    sample: 'Voorbeeldgegevens van {{ one }}: kies een record voor echte gegevens.', chosen: 'Gegevens van {{ label }}.',
    usedWith: 'Deze sjabloon wordt gebruikt bij {{ kinds }}.',
    one: {
      person: 'een persoon', company: 'een bedrijf', task: 'een taak', quote_request: 'een kansactie', opportunity: 'een kans',
      intake_measure: 'een intakemaatregel', sale: 'een verkoop', request: 'een verzoek', follow_up: 'een vervolgactiviteit',
    },
    many: {
      person: 'personen', company: 'bedrijven', task: 'taken', quote_request: 'kansacties', opportunity: 'kansen',
      intake_measure: 'intakemaatregelen', sale: 'verkopen', request: 'verzoeken', follow_up: 'vervolgactiviteiten',
    }, notUsed: 'Deze sjabloon wordt nog door geen workflow of flow gebruikt.',
    empty: 'Lege variabelen in dit voorbeeld', noneEmpty: 'Elke variabele in dit voorbeeld heeft een waarde.',
    testOn: 'Het testbericht gebruikt dezelfde gegevens als het voorbeeld.',
  },
  messageDetail: {
    pageTitle: 'Bericht · Stroom', back: 'Alle berichten', open: 'Bericht bekijken', smsTo: 'SMS aan {{ to }}', noSubject: '(geen onderwerp)',
    status: 'Status', channel: 'Kanaal', recipient: 'Ontvanger', person: 'Persoon', noPerson: 'Geen persoon', source: 'Afkomstig van', noSource: 'Testbericht of handmatig',
    step: 'stap {{ step }}', created: 'Aangemaakt', sent: 'Verstuurd', nextAttempt: 'Volgende poging', error: 'Reden',
    body: 'Inhoud', bodyFrame: 'Inhoud van de e-mail', headers: 'Kopregels', headersNote: 'Zoals ze verstuurd zijn of worden.', header: 'Kopregel', value: 'Waarde',
    attempts: 'Bezorgpogingen', noAttempts: 'Nog geen bezorgpoging.', attemptAt: 'Tijdstip', outcome: 'Uitkomst', transport: 'Via',
    outcomes: { sent: 'Bezorgd', failed: 'Mislukt' }, notFound: 'Dit bericht bestaat niet (meer).',
  },
  dslEditor: {
    new: 'Nieuw', draft: 'Nieuwe {{ kind }}, nog niet opgeslagen', problems: 'Problemen', noProblems: 'Geen problemen',
    severity: { error: 'fout', warning: 'waarschuwing', info: 'info' }, position: 'regel {{ line }}, kolom {{ column }}',
    fix: 'Vervang door \'{{ suggestion }}\'', formatBlocked: 'Opmaken kan niet: regel {{ line }} heeft een syntaxfout ({{ message }})',
    diffUnsaved: 'Nog niets opgeslagen: kies een regel of maak een nieuwe; het verschil met de opgeslagen versie kan pas daarna.',
    running: 'Deze flow loopt: pauzeer de flow eerst om hem te bewerken. De tekst is alleen te lezen.',
  },
  unsaved: { title: 'Wijzigingen weggooien?', text: 'De wijzigingen zijn nog niet opgeslagen.', confirm: 'Weggooien' },
};
