import { validationText } from './validation-messages';

describe('validationText', () => {
  it('names what is wrong, the most telling error first', () => {
    expect(validationText(null)).toBeNull();
    expect(validationText({ min: { min: 1, actual: 0 } })).toEqual({ key: 'workflowForms.validation.min', params: { min: 1 } });
    expect(validationText({ max: { max: 365, actual: 400 } })).toEqual({ key: 'workflowForms.validation.max', params: { max: 365 } });
    expect(validationText({ required: true, number: true })?.key).toBe('workflowForms.validation.number');
    expect(validationText({ integer: true })?.key).toBe('workflowForms.validation.integer');
    expect(validationText({ required: true })?.key).toBe('workflowForms.validation.required');
    expect(validationText({ maxlength: { requiredLength: 10, actualLength: 12 } })).toEqual({ key: 'workflowForms.validation.maxlength', params: { n: 10 } });
    expect(validationText({ somethingElse: true })?.key).toBe('workflowForms.validation.invalid');
  });
});
