export * from './types';
export { Decimal, DIVISION_SCALE } from './decimal';
export {
  CONTEXT_ROOTS,
  ExpressionError,
  OPERATORS,
  checkExpression,
  evaluate,
  getPath,
  looseEquals,
  renderTemplate,
  templatePaths,
  truthy,
} from './expression';
export type { ExpressionErrorCode, ExpressionIssue, Operator } from './expression';
export { VALIDATION_CODES, validateMap } from './validate';
export type { ValidationCode, ValidationError } from './validate';
export { ENGINE_ERROR_CODES, ProcessEngineError, activePoints, resolveParameters, start, step } from './engine';
export type { ActivePoint, EngineErrorCode, ParameterError, StartOptions } from './engine';
export { APPROVAL_TEMPLATE, BUILT_IN_TEMPLATES, CONTRACT_TEMPLATE, SALE_TEMPLATE } from './templates';
