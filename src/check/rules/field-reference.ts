import { suggest } from "../../catalog/suggest.js";
import type { Fix } from "../../diagnostics/diagnostic.js";
import * as hints from "../../diagnostics/hints.js";
import * as messages from "../../diagnostics/messages.js";
import { printFieldPath } from "../../syntax/field-path.js";
import { quoteString } from "../../values/strings.js";
import type { FieldNode } from "../../syntax/ast.js";
import type { FilterRule, RuleContext } from "../rule.js";
import { checkFieldExists } from "./unknown-field.js";

/**
 * Right of a comparison, a field is a reference: `f > g` is sent as `[f, ">", "$item->g"]`, which
 * only some DataForSEO Labs endpoints accept (filters-spec.md 1.1).
 *
 * A bare name there is far more often a forgotten quote (`domain = seo.com`), so it is read as a
 * reference only where the endpoint documents references and the name is one of its fields;
 * anywhere else it is an error whose fix quotes it. A reference written so that it cannot be a
 * forgotten quote (`"$item->g"`, from arrays, `field()` in templates) is checked as a reference:
 * a warning without an endpoint (nothing to check it against), an error where the endpoint takes
 * none, and with a catalog both fields must exist and share a type.
 */
export const fieldReferenceRule: FilterRule = (leaf, ctx, sent) => {
  // Judged on what is sent: a `between` bound in the API's reference spelling is one too.
  for (const condition of sent) {
    if (condition.operand.kind === "field") checkReference(leaf.field, condition.op, condition.operand, ctx);
  }
};

function checkReference(left: FieldNode, op: string, ref: FieldNode, ctx: RuleContext): void {
  const endpoint = ctx.catalog?.endpoint;
  if (ref.explicit !== true) {
    const isField = endpoint?.fieldReferences === "documented" && ctx.fieldOf(ref.path) !== undefined;
    if (!isField) {
      const written = ctx.bag.source.slice(ref.span.start, ref.span.end) || ref.path;
      // The text meant: what was typed, or the name inside backquotes.
      const text = ref.quoted ? ref.path : written;
      const quote: Fix = { title: hints.quoteAs(quoteString(text)), edits: [{ span: ref.span, insert: quoteString(text) }] };
      const fields = ctx.catalog?.fields;
      if (endpoint?.fieldReferences === "documented" && fields !== undefined) {
        // An endpoint that takes references: the name may be a misspelt field.
        const close = suggest(ref.path, fields.paths());
        const rename = close.map((name): Fix => ({ title: name, edits: [{ span: ref.span, insert: printFieldPath(name) }] }));
        ctx.bag.reportAt("unquoted_text", ref, messages.unquotedOnReferenceEndpoint(written, op, endpoint.id), {
          hint: close.length > 0 ? `${messages.didYouMean(close)} ${hints.quoteText(text)}` : hints.quoteText(text),
          suggestions: close,
          fixes: [...rename, quote],
        });
      } else {
        ctx.bag.reportAt("unquoted_text", ref, messages.unquotedText(written, op), { hint: hints.quoteOrReference(text), fixes: [quote] });
      }
      return;
    }
  } else if (endpoint === undefined) {
    ctx.bag.reportAt("field_reference", ref, messages.fieldReference(ref.path), { data: { field: ref.path } });
    return;
  } else if (endpoint.fieldReferences === undefined) {
    ctx.bag.reportAt("field_reference", ref, messages.fieldReferenceUnsupported(endpoint.id), {
      data: { field: ref.path },
      severity: "error",
      hint: hints.quoteFieldReference(ref.path),
    });
    return;
  } else if (endpoint.fieldReferences === "undocumented") {
    ctx.bag.reportAt("field_reference", ref, messages.fieldReferenceUndocumented(endpoint.id), { data: { field: ref.path } });
  }
  if (!checkFieldExists(ref, ctx)) return;
  const leftMatch = ctx.fieldOf(left.path);
  const right = ctx.fieldOf(ref.path);
  if (leftMatch !== undefined && right !== undefined && leftMatch.type !== right.type) {
    ctx.bag.reportAt("type_mismatch", ref, messages.fieldReferenceTypes(left.path, leftMatch.type, ref.path, right.type), {
      data: { expected: leftMatch.type, found: right.type },
    });
  }
}
