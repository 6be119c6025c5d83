/**
 * @packageDocumentation
 * `@dinhdanh/core/data` — what a browser needs to know of core, as plain data with no
 * runtime dependency: the attribute catalogue with its Vietnamese and English labels,
 * and the assurance levels with their names. `@dinhdanh/react` imports this, never core.
 */
export { ATTRIBUTES, ATTRIBUTE_NAMES, isSensitiveAttribute } from '../claims/attributes';
export type { AttributeInfo, AttributeName } from '../claims/attributes';
export type { AssuranceLevel } from '../claims/identity';
export { LEVELS } from '../levels';
export { LEVEL_NAMES } from './level-names';
