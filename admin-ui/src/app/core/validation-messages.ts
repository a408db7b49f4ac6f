import { ChangeDetectorRef, Directive, ElementRef, Pipe, inject, type PipeTransform } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NG_VALIDATORS, type AbstractControl, type ValidationErrors, type Validator } from '@angular/forms';
import { TranslocoService } from '@jsverse/transloco';
import { merge } from 'rxjs';

/** A control's first error as a text key and its parameters; `null` when the control is valid. */
export interface ValidationText {
  key: string;
  params: Record<string, unknown>;
}

type Describe = (error: Record<string, unknown>) => Record<string, unknown>;

/**
 * The errors a form can show, most telling first: "a number" before "required" (a number input
 * with letters reads as empty), "minimaal 1" for a 0, and "Verplicht" only for an empty field.
 */
const MESSAGES: [error: string, key: string, params: Describe][] = [
  ['number', 'workflowForms.validation.number', () => ({})],
  ['integer', 'workflowForms.validation.integer', () => ({})],
  ['min', 'workflowForms.validation.min', (e) => ({ min: e['min'] })],
  ['max', 'workflowForms.validation.max', (e) => ({ max: e['max'] })],
  ['minlength', 'workflowForms.validation.minlength', (e) => ({ n: e['requiredLength'] })],
  ['maxlength', 'workflowForms.validation.maxlength', (e) => ({ n: e['requiredLength'] })],
  ['email', 'workflowForms.validation.email', () => ({})],
  ['required', 'workflowForms.validation.required', () => ({})],
  ['pattern', 'workflowForms.validation.pattern', () => ({})],
];

export function validationText(errors: ValidationErrors | null | undefined): ValidationText | null {
  if (!errors) return null;
  for (const [error, key, params] of MESSAGES) {
    if (error in errors) {
      const detail = errors[error];
      return { key, params: params(typeof detail === 'object' && detail !== null ? detail : {}) };
    }
  }
  return { key: 'workflowForms.validation.invalid', params: {} };
}

/**
 * `{{ control.errors | validationMessage }}`: what is wrong, in the chosen language. Impure (errors
 * change in place), and it marks its view for a check when the language or its texts arrive.
 */
@Pipe({ name: 'validationMessage', pure: false })
export class ValidationMessagePipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);

  constructor() {
    const view = inject(ChangeDetectorRef);
    merge(this.transloco.langChanges$, this.transloco.events$).pipe(takeUntilDestroyed()).subscribe(() => view.markForCheck());
  }

  transform(errors: ValidationErrors | null | undefined): string {
    const text = validationText(errors);
    return text ? this.transloco.translate(text.key, text.params) : '';
  }
}

/**
 * `<input type="number" stWholeNumber>`: a whole number, and not letters the browser reads as
 * empty (those give `number`, so the message is not a misleading "Verplicht").
 */
@Directive({
  selector: 'input[type=number][stWholeNumber]',
  providers: [{ provide: NG_VALIDATORS, useExisting: WholeNumberValidator, multi: true }],
})
export class WholeNumberValidator implements Validator {
  private readonly input = inject<ElementRef<HTMLInputElement>>(ElementRef);

  validate(control: AbstractControl): ValidationErrors | null {
    if (this.input.nativeElement.validity?.badInput) return { number: true };
    const value = control.value;
    if (value === null || value === undefined || value === '') return null;
    return Number.isInteger(Number(value)) ? null : { integer: true };
  }
}
