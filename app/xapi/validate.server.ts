import * as xapiValidation from "xapi-validation";

/**
 * xAPI 1.0.3 statement validation by Learning Locker's `xapi-validation` (conformance tested with their LRS), the
 * only place that reads it. Returns the problems as "path: kind" lines; none means valid.
 */
type Validate = (data: unknown) => { path: string[]; message: string; constructor: { name: string } }[];

// A CommonJS module: its function is `default` under a bundler, and `default.default` under Node's own ESM import.
const imported = (xapiValidation as unknown as { default: Validate | { default: Validate } }).default;
const validate: Validate = typeof imported === "function" ? imported : imported.default;

export function statementProblems(statement: unknown): string[] {
  return validate(statement).map((warning) => `${warning.path.join(".")}: ${warning.constructor.name.replace(/Warning$/, "")}`);
}
