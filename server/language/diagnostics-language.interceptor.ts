import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { DIAGNOSTIC_CODES, diagnosticMessage, type Params } from '@stroom/dsl';
import { catchError, map, type Observable } from 'rxjs';
import { DomainError } from '../common/errors.js';
import { languageOf, type Language } from '../common/request-language.js';

/**
 * Where answers carry DSL diagnostics: `{diagnostics}` of check and format, `details.diagnostics` of a
 * refused save, `details.problems` of a refused start, `nodes[].problems` of a flow's step graph.
 */
const DIAGNOSTIC_LISTS = ['diagnostics', 'warnings', 'problems'] as const;
const CODES: ReadonlySet<string> = new Set(DIAGNOSTIC_CODES);

interface CodedDiagnostic {
  code?: unknown;
  params?: Params;
  message?: unknown;
  line?: unknown;
  column?: unknown;
  severity?: unknown;
}

/**
 * Gives every DSL diagnostic of an answer its message in the request's language (`Accept-Language`,
 * Dutch by default). The DSL package makes messages in English beside their code and params; the
 * services that check sources need not know the caller's language.
 */
@Injectable()
export class DiagnosticsLanguageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    const lang = languageOf(request.headers['accept-language']);
    return next.handle().pipe(
      map((body: unknown) => {
        localizeLists(body, lang);
        // A flow's step graph: the problems of each step.
        const nodes = (body as { nodes?: unknown } | null)?.nodes;
        if (Array.isArray(nodes)) for (const node of nodes) localizeLists(node, lang);
        return body;
      }),
      catchError((error: unknown) => {
        if (error instanceof DomainError) localizeError(error, lang);
        throw error;
      }),
    );
  }
}

function localizeLists(holder: unknown, lang: Language): boolean {
  if (holder === null || typeof holder !== 'object') return false;
  let found = false;
  for (const key of DIAGNOSTIC_LISTS) {
    const list = (holder as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    for (const item of list as CodedDiagnostic[]) {
      if (item && typeof item.code === 'string' && CODES.has(item.code) && typeof item.message === 'string') {
        item.message = diagnosticMessage({ code: item.code, params: item.params ?? {}, message: item.message }, lang);
        found = true;
      }
    }
  }
  return found;
}

/**
 * A refused save's or start's diagnostics in the request's language, and the parameters its headline
 * is made of (`source.invalid`: the first error; `flow.not_startable`: every problem), so that the
 * error filter's catalogue text carries them in that language too.
 */
function localizeError(error: DomainError, lang: Language): void {
  if (!localizeLists(error.details, lang)) return;
  const params = error.params as Record<string, unknown>;
  const details = error.details as { diagnostics?: CodedDiagnostic[]; problems?: (CodedDiagnostic & { stepId?: unknown })[] };
  const first = details.diagnostics?.find((d) => d.severity === 'error');
  if (first && error.code === 'source.invalid') params.diagnostic = first.message;
  if (details.problems && error.code === 'flow.not_startable') {
    params.problems = details.problems.map((p) => (p.stepId ? `${lang === 'nl' ? 'stap' : 'step'} ${String(p.stepId)}: ${String(p.message)}` : String(p.message))).join('; ');
  }
}
