import type { Routes } from '@angular/router';
import { FlowContentComponent } from './flow-content.component';
import { FlowDiagramComponent } from './flow-diagram.component';
import { FlowPageComponent } from './flow-page.component';
import { FlowParticipantsComponent } from './flow-participants.component';
import { FlowReportsComponent } from './flow-reports.component';
import { FlowSimulationComponent } from './flow-simulation.component';
import { FlowSourceComponent } from './flow-source.component';
import { FlowSummaryComponent } from './flow-summary.component';

/** A flow's page and its tabs, loaded when a flow is first opened (it brings dagre, chart.js and CodeMirror's diff). */
export const FLOW_PAGE_ROUTES: Routes = [
  {
    path: '',
    component: FlowPageComponent,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'summary' },
      { path: 'summary', component: FlowSummaryComponent },
      { path: 'diagram', component: FlowDiagramComponent },
      { path: 'reports', component: FlowReportsComponent },
      { path: 'participants', component: FlowParticipantsComponent },
      { path: 'content', component: FlowContentComponent },
      { path: 'simulate', component: FlowSimulationComponent },
      { path: 'source', component: FlowSourceComponent },
    ],
  },
];
