/**
 * The demo's flows, built like the examples of the flows manual: a lead flow started by the
 * "Neem contact met me op" form (running, with a history) and an offer to customers (paused).
 */
export const DEMO_FORM = { key: 'neem-contact-op', name: 'Neem contact met me op' };

const SENDER = `  sender "Energieloket <info@energieloket.example>"
  reply_to "info@energieloket.example"
  sms_sender "EnergieZuid"`;

export const LEAD_FLOW = `flow "Nieuwe leads opvolgen" {
${SENDER}
  trigger form "${DEMO_FORM.key}" submitted
  filter person.email is not empty
  exclude selection "Afmeldingen"
  once per person
  success when sale created then stop

  welkom: send email "welkom-lead"
  klik: wait for link clicked in welkom at most 7 days else leave {
    add to selection "Geen reactie"
  }
  soort: split "Klant of lead" {
    branch "Bestaande klanten" when person.category = "Klant" {
      bedankt: complete
    }
  }
  advies: send email "adviesgesprek"
  sms_advies: send sms template "sms-adviesgesprek" if no mobile skip
  bellen: create follow_up "Bel {{ person.full_name }} voor een adviesgesprek" type "Telefoontje" after 1 workdays assign our_contact agenda "Adviesgesprek plannen"
  gelezen: wait for email opened advies at most 5 days else continue
  bedenktijd: wait 7 days
  complete
}
`;

export const CUSTOMER_FLOW = `flow "Zonnepanelen voor klanten" {
${SENDER}
  send_window workdays 09:00-17:00
  trigger selection "Nieuwsbrief" added
  filter person.category = "Klant"
  exclude selection "Afmeldingen"
  once per person
  success when sale created or form "${DEMO_FORM.key}" submitted then stop

  aanbod: send email "zonnepanelen-aanbod"
  wait 3 days
  split "Reactie" {
    branch "Klikkers" when participant.clicked = true {
      create follow_up "Bel {{ person.full_name }} over zonnepanelen" type "Telefoontje" after 1 workdays assign our_contact
    }
    others leave
  }
  complete
}
`;
