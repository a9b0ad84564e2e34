import { describe, expect, it } from "vitest";
import { fieldsOf, listEndpoints } from "../../../src/catalog/api.js";

describe("describe_fields lists operators per type", () => {
  // What makes that lossless: on one endpoint and parameter, every field of a type takes the same
  // operators with the same caveats. Should a catalog ever make them differ per field, this fails.
  it("every field of a type takes its type's operators and caveats, on every endpoint and parameter", () => {
    const differing: string[] = [];
    for (const endpoint of listEndpoints()) {
      for (const param of endpoint.params) {
        const first = new Map<string, string>();
        for (const field of fieldsOf(endpoint.id, param) ?? []) {
          const rules = JSON.stringify([field.operators, field.caveats]);
          const seen = first.get(field.type);
          if (seen === undefined) first.set(field.type, rules);
          else if (seen !== rules) differing.push(`${endpoint.id} ${param} ${field.path}`);
        }
      }
    }
    expect(differing).toEqual([]);
  });
});
