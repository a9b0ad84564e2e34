import type { FieldType } from "../../catalog/endpoints.js";
import * as hints from "../../diagnostics/hints.js";
import * as messages from "../../diagnostics/messages.js";
import { printFieldPath } from "../../syntax/field-path.js";
import { scoped, type FilterRule } from "../rule.js";

const EXAMPLE: Record<FieldType, string> = {
  num: "> 0",
  str: '= "…"',
  bool: "= true",
  time: "> now - 7d",
  "array.str": 'has "…"',
  "array.num": "has 1",
};

/** A field alone means `field = true`, which only makes sense for a boolean field. */
export const bareFieldRule: FilterRule = scoped({ kind: "bare" }, (leaf, ctx) => {
  if (leaf.kind !== "bare") return;
  const match = ctx.fieldOf(leaf.field.path);
  if (match === undefined || match.type === "bool") return;
  ctx.bag.reportAt("bare_field_not_bool", leaf.field, messages.bareFieldNotBool(leaf.field.path, match.type), {
    data: { field: leaf.field.path, fieldType: match.type },
    hint: hints.compareBare(printFieldPath(leaf.field.path), EXAMPLE[match.type]),
  });});
