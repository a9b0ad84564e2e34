/*
 * The wording of the client's diagnostics about task parameters. The checks (zod schemas and
 * prepare-task.ts) decide what is wrong; these functions decide how it reads.
 */
import { code } from "../diagnostics/messages.js";
import { describeValue } from "../values/guarded.js";



/** `limit`, `custom_mode.value`, `targets.1`. */
export const paramName = (path: readonly PropertyKey[]) => path.map(String).join(".");

const TYPE_WORDS: Record<string, string> = {
  int: "a whole number",
  number: "a number",
  string: "a string",
  boolean: "true or false",
  object: "an object",
  array: "an array",
  record: "an object",
};

export const taskMessages = {
  unreadableTask: (max: number) => `this task cannot be read: reading a key threw (a Proxy or a getter?), or it has over ${max} keys`,
  notAnObject: (found: unknown) => `a task is a JSON object of parameters, found ${describeValue(found)}`,
  required: (param: string) => `${code(param)} is required`,
  wrongType: (param: string, expected: string, found: unknown) =>
    `${code(param)} must be ${TYPE_WORDS[expected] ?? expected}, found ${describeValue(found)}`,
  tooBig: (param: string, origin: string, maximum: number | bigint, found: unknown) =>
    origin === "string"
      ? `${code(param)} is ${String(found).length} characters long; DataForSEO accepts at most ${maximum}`
      : origin === "array" || origin === "record"
        ? `${code(param)} has ${Array.isArray(found) ? found.length : Object.keys(found ?? {}).length} entries; DataForSEO accepts at most ${maximum}`
        : `${code(param)} is ${String(found)}; DataForSEO accepts at most ${maximum}`,
  tooSmall: (param: string, origin: string, minimum: number | bigint, found: unknown) =>
    origin === "string"
      ? `${code(param)} cannot be empty`
      : origin === "array"
        ? `${code(param)} needs at least ${minimum} entries`
        : `${code(param)} is ${String(found)}; the least DataForSEO accepts is ${minimum}`,
  notOneOf: (param: string, values: readonly unknown[], found: unknown) =>
    `${code(param)} must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}, found ${describeValue(found)}`,
  unknownParameter: (param: string, endpoint: string) => `${code(param)} is not a parameter of ${code(endpoint, 80)}`,
  unknownParameterAnywhere: (param: string) => `${code(param)} is not a parameter of any DataForSEO endpoint dfsq knows`,
  dfsqNameInBody: (dfsqName: string, wireName: string) =>
    `${code(dfsqName)} is dfsq's client's name for ${code(wireName)}; a request body names it ${code(wireName)} and gives an array`,
  requestConditions: (fields: readonly { field: string; count: number }[], total: number, max: number) =>
    `this task has ${total} conditions in all (${fields.map((f) => `${f.count} in ${code(f.field)}`).join(", ")}); DataForSEO's help centre says ${max} per request, though whether its filter parameters share that budget is unconfirmed`,
  invalidKey: (param: string, key: string, why: string) => `${code(param)} has the key ${JSON.stringify(key)}: ${why}`,
  other: (param: string, what: string) => (param === "" ? what : `${code(param)}: ${what}`),
  bothGiven: (dfsqName: string, wireName: string) => `give ${code(dfsqName)} or ${code(wireName)}, not both`,
  notFilterValue: (field: string, found: unknown) =>
    `${code(field)} takes a dfsq expression (a string) or a ready array, found ${describeValue(found)}`,
  wireNeedsArray: (field: string, found: unknown) => `${code(field)} takes a ready array, found ${describeValue(found)}`,
  tasksNotArray: () => "the body is an array of tasks, even for one task",
  noTasks: () => "post at least one task (the API answers an empty body with 40502)",
  tooManyTasks: (max: number) => `post at most ${max} tasks at a time (the API refuses the rest with 40006)`,
  oneLiveTask: () => "a live endpoint takes one task per call (the API refuses more with 40000)",
  noOrderBy: (endpoint: string) => `${code(endpoint, 80)} takes no order_by`,
  endpointNotString: (found: unknown) => `an endpoint is a string such as "backlinks/referring_domains", found ${describeValue(found)}`,
  unknownEndpointForLive: (endpoint: string) =>
    `${code(endpoint, 80)} is not an endpoint dfsq knows; use client.post(path, tasks) to call it unchecked`,
};

export const taskHints = {
  compileFirst: () => "compile the expression into the array first: `dfsq compile '…'`",
  useDfsqField: (dfsqName: string) => `write the expression as ${code(dfsqName)}, e.g. { ${dfsqName}: "rank > 10" }`,
};
