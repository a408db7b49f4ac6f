// Public surface of the Stroom language package.
export const DSL_VERSION = '0.1.0';

export * from './ast.js';
export type { Diagnostic, Severity } from './diagnostics.js';
export { hasErrors, MAX_DIAGNOSTICS } from './diagnostics.js';
export { parse, type ParseResult } from './parse.js';
export { MAX_NESTING } from './build-context.js';
export { print, format } from './printer.js';
export { assignStepIds, stepIdsOf } from './ids.js';
export {
  InMemoryCatalog, STANDARD_FIELDS, EMPLOYEE_FIELDS, PARTICIPANT_FIELDS, standardFieldType,
  type Catalog, type CatalogData, type NameKind, type FieldType, type StatusKind, type TemplateInfo,
} from './catalog.js';
export { check, checkSource, triggerEntity, type CheckOptions, type CheckMode } from './checker.js';
export { RECORDS_OF, FLOW_RECORDS, SPLIT_RECORDS, mergeVariablesIn } from './checker-common.js';
export {
  compileWorkflow, compileCondition, changedConditions, triggerKeyString, eventTriggerKeys, WORKFLOW_EVENT_TYPE,
  type ActionDescriptor, type CompiledWorkflow, type TriggerKey,
} from './compiler.js';
export {
  compileFlow, completionMoves, type FlowGraph, type FlowNode, type Target, type CompiledFlowTrigger, type CompiledSuccessCriterion,
} from './flow-graph.js';
export {
  buildEngine, EnginePool, registerOperators, evaluate, conditionHolds, equalityTest, testedValue, resolvePath, isEmptyValue, sameValue, stroomOperators,
  type ChangeTest, type EqualityTest,
} from './engine.js';
export { Remembered } from './remembered.js';
export { completionsAt, highlight, KEYWORDS, type Completion, type HighlightToken, type HighlightClass } from './completions.js';
export { renameReferences, type ReferenceKind, type RenameOptions, type RenameResult } from './rename.js';
export {
  diagnosticMessage, localizeDiagnostics, suggestionMessage, languageOfLocale, DIAGNOSTIC_CODES, LANGUAGES,
  type Language, type Params, type ParamValue,
} from './messages.js';
export { closest, editDistance } from './suggest.js';
export { quotedNameAt, type QuotedName, type QuotedNameKind } from './quoted-names.js';
export { contentOf, copyFlowProgram, MISSING_CONTENT_CODES, type FlowContentRefs } from './flow-content.js';
export { formUsesOf, type FormUse } from './form-uses.js';
export {
  containerSteps, deleteStep, findStep, flowOf, freshStepId, insertStep, moveStep, newStep, stepCount, TreeEditError, updateStep,
  type Slot, type StepContainer,
} from './tree-edits.js';
export { conditionText, durationText } from './printer-text.js';
export { emailAddressProblem, mailboxAddress, phoneNumberProblem, smsSenderProblem } from './addresses.js';
export { quote } from './strings.js';
export * from './policy-ast.js';
export { parsePolicy, type PolicyParseResult } from './policy-parse.js';
export { printPolicy, policyRuleText, spanText } from './policy-printer.js';
export {
  checkPolicy, compilePolicy, readPolicy, OPEN_POLICY, type CompiledContactPolicy, type CompiledQuietHours,
} from './policy-check.js';
export { smsCount, smsSegments, type SmsCount, type SmsEncoding } from './sms-segments.js';
