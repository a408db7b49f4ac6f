/** Dutch labels for the API's codes, shared by every page that shows them. */
export const PARTICIPANT_STATUS: Readonly<Record<string, string>> = {
  queued: 'Wachtend', active: 'Actief', completed: 'Voltooid', completed_success: 'Voltooid met succes', dropout: 'Uitgevallen', cancelled: 'Geannuleerd',
};

export const REFUSAL_REASON: Readonly<Record<string, string>> = {
  excluded: 'Uitsluitingslijst', already_participated: 'Al eerder deelgenomen', already_participating: 'Neemt al deel', filter: 'Filter',
};

export const MESSAGE_STATUS: Readonly<Record<string, string>> = { queued: 'In de wachtrij', sent: 'Verstuurd', failed: 'Mislukt' };
