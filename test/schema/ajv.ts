import { Ajv2020 } from "ajv/dist/2020.js";

/** ajv for draft 2020-12, strict (a keyword it does not know, or a schema it reads two ways, throws);
 * `type: ["string", "number"]` is standard JSON Schema, which strict mode would refuse. */
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });

/** A validator of `schema`: whether a value is valid. */
export function validatorOf(schema: object): (value: unknown) => boolean {
  const validate = ajv.compile(schema);
  return (value) => validate(value) as boolean;
}
