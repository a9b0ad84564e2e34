import * as hints from "../diagnostics/hints.js";
import * as messages from "../diagnostics/messages.js";

/*
 * The Backlinks `target` rule (filters-spec.md section 5, EP(backlinks/*\/live) target rows): a
 * domain or subdomain is written without scheme and without `www.`; a page is an absolute URL
 * with `http://` or `https://`.
 */

/** Labels of letters, digits and inner hyphens (IDN letters included), at least two of them. */
const DOMAIN = /^(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

export type TargetKind = "domain" | "url";

/** Why `text` is not a valid target, with a hint; undefined when it is one of `allowed`. */
export function targetProblem(text: string, allowed: readonly TargetKind[]): { message: string; hint?: string } | undefined {
  const wantsUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  if (!wantsUrl) {
    if (DOMAIN.test(text)) {
      if (/^www\./i.test(text)) {
        return { message: messages.targetWithWww(), hint: hints.writeQuoted(text.slice(4)) };
      }
      return undefined;
    }
    const slash = text.indexOf("/");
    if (slash > 0 && DOMAIN.test(text.slice(0, slash)) && allowed.includes("url")) {
      return { message: messages.targetIsAbsoluteUrl(), hint: hints.writeQuoted(`https://${text}`) };
    }
    return { message: messages.targetKinds(allowed.includes("url")) };
  }
  if (!allowed.includes("url")) {
    return { message: messages.targetNotAUrl(), hint: hostHint(text) };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { message: messages.invalidUrl() };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { message: messages.targetScheme() };
  if (!DOMAIN.test(url.hostname) && !/^\[.*\]$/.test(url.hostname)) return { message: messages.urlWithoutHost() };
  if (/\s/.test(text)) return { message: messages.urlWithSpaces(), hint: hints.encodeSpaces() };
  return undefined;
}


function hostHint(text: string): string | undefined {
  try {
    const host = new URL(text).hostname.replace(/^www\./i, "");
    return host === "" ? undefined : hints.writeQuoted(host);
  } catch {
    return undefined;
  }
}
