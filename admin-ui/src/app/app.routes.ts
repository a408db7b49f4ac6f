import type { Routes } from '@angular/router';
import { signedIn } from './core/signed-in.guard';
import { unsavedChanges } from './core/unsaved-changes';
import { LoginComponent } from './login/login.component';
import { ShellComponent } from './shell/shell.component';

/**
 * Every route is a deep link that survives a reload (the service answers index.html). Titles are text
 * keys. Each page is loaded when first opened, so the first load brings only the shell and the login.
 */
export const routes: Routes = [
  { path: 'login', component: LoginComponent, title: 'titles.login' },
  {
    path: '',
    component: ShellComponent,
    canActivate: [signedIn],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'workflows/task-types' },
      { path: 'workflows', pathMatch: 'full', redirectTo: 'workflows/task-types' },
      { path: 'workflows/:kind', loadComponent: () => import('./workflows/workflows.component').then((m) => m.WorkflowsComponent), title: 'titles.workflows', canDeactivate: [unsavedChanges] },
      { path: 'templates', loadComponent: () => import('./templates/templates.component').then((m) => m.TemplatesComponent), title: 'titles.templates', canDeactivate: [unsavedChanges] },
      // A designed e-mail brings the block designer (GrapesJS), loaded only when such an e-mail is opened.
      { path: 'templates/:id', loadComponent: () => import('./templates/template-page.component').then((m) => m.TemplatePageComponent), title: 'content.pageTitle', canDeactivate: [unsavedChanges] },
      { path: 'flows', loadComponent: () => import('./flows/flows.component').then((m) => m.FlowsComponent), title: 'titles.flows' },
      // The designer brings the language package and the drag-and-drop canvas: loaded when first opened.
      { path: 'flows/new', loadComponent: () => import('./flows/designer/flow-designer.component').then((m) => m.FlowDesignerComponent), title: 'designer.pageTitle' },
      { path: 'flows/:id/edit', loadComponent: () => import('./flows/designer/flow-designer.component').then((m) => m.FlowDesignerComponent), title: 'designer.pageTitle' },
      { path: 'flows/:id', title: 'titles.flow', loadChildren: () => import('./flows/page/flow-page.routes').then((m) => m.FLOW_PAGE_ROUTES) },
      { path: 'messages', loadComponent: () => import('./messages/messages.component').then((m) => m.MessagesComponent), title: 'titles.messages' },
      { path: 'messages/:id', loadComponent: () => import('./messages/message-detail.component').then((m) => m.MessageDetailComponent), title: 'messageDetail.pageTitle' },
      { path: 'forms', loadComponent: () => import('./forms/forms.component').then((m) => m.FormsComponent), title: 'demo.forms.pageTitle' },
      { path: 'suppressions', loadComponent: () => import('./suppressions/suppressions.component').then((m) => m.SuppressionsComponent), title: 'suppressions.pageTitle' },
      { path: 'contact-policy', loadComponent: () => import('./contact-policy/contact-policy.component').then((m) => m.ContactPolicyComponent), title: 'policy.pageTitle' },
      { path: 'assignment-rules', loadComponent: () => import('./assignment-rules/assignment-rules.component').then((m) => m.AssignmentRulesComponent), title: 'seedfix.rules.pageTitle' },
      { path: 'dsl', loadComponent: () => import('./dsl/dsl-editor.component').then((m) => m.DslEditorComponent), title: 'titles.dsl', canDeactivate: [unsavedChanges] },
    ],
  },
  { path: '**', redirectTo: '' },
];
