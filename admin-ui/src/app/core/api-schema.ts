import type { components } from './api-types';

/**
 * A shape the service's OpenAPI document names (`Flow`, `FlowForecast`, `PersonList`, …), as
 * generated into api-types.ts by `npm run api-types`: the UI never redeclares what the API answers.
 */
export type ApiSchema<Name extends keyof components['schemas']> = components['schemas'][Name];
