import type { Routes } from '@angular/router';
import { signedIn } from './core/signed-in.guard';
import { FlowsComponent } from './flows/flows.component';
import { LoginComponent } from './login/login.component';
import { MessagesComponent } from './messages/messages.component';
import { ShellComponent } from './shell/shell.component';
import { TemplatesComponent } from './templates/templates.component';
import { unsavedWorkflowChanges } from './workflows/unsaved-changes';
import { WorkflowsComponent } from './workflows/workflows.component';

/** The routes of SPEC §7; every one is a deep link that survives a reload (the service answers index.html). Titles are text keys. */
export const routes: Routes = [
  { path: 'login', component: LoginComponent, title: 'titles.login' },
  {
    path: '',
    component: ShellComponent,
    canActivate: [signedIn],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'workflows/task-types' },
      { path: 'workflows', pathMatch: 'full', redirectTo: 'workflows/task-types' },
      { path: 'workflows/:kind', component: WorkflowsComponent, title: 'titles.workflows', canDeactivate: [unsavedWorkflowChanges] },
      { path: 'templates', component: TemplatesComponent, title: 'titles.templates' },
      { path: 'flows', component: FlowsComponent, title: 'titles.flows' },
      { path: 'flows/:id', title: 'titles.flow', loadChildren: () => import('./flows/page/flow-page.routes').then((m) => m.FLOW_PAGE_ROUTES) },
      { path: 'messages', component: MessagesComponent, title: 'titles.messages' },
      { path: 'suppressions', loadComponent: () => import('./suppressions/suppressions.component').then((m) => m.SuppressionsComponent), title: 'suppressions.pageTitle' },
      // The editor brings CodeMirror and the language package: loaded when first opened.
      { path: 'dsl', loadComponent: () => import('./dsl/dsl-editor.component').then((m) => m.DslEditorComponent), title: 'titles.dsl' },
    ],
  },
  { path: '**', redirectTo: '' },
];
