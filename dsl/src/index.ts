// Public surface of the Stroom language package. Filled in by the DSL issue.
export const DSL_VERSION = '0.1.0';
