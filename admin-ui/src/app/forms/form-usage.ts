/** A form as the Forms page shows it (`GET /api/form-usage`). */
export interface FormUsage {
  id: string;
  key: string;
  name: string;
  submitUrl: string;
  submissions: number;
  flows: { id: string; name: string; status: 'not_running' | 'running' | 'paused'; uses: ('trigger' | 'wait' | 'success')[] }[];
}
