// The JSON Schema of dfsq.config.json, for editors, drawn from the zod schema that `dfsq check`
// reads it with (src/cli/check/config-schema.ts). Written by `npm run generate` to
// schema/dfsq.config.schema.json; test/cli/check-config.test.ts fails when it is stale.
import { configJsonSchema } from "../src/cli/check/config-schema.js";

export const CONFIG_SCHEMA_PATH = "schema/dfsq.config.schema.json";

export function configSchemaSource(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
