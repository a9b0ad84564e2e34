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
        return { message: "a domain target is written without `www.`", hint: `write ${JSON.stringify(text.slice(4))}` };
      }
      return undefined;
    }
    const slash = text.indexOf("/");
    if (slash > 0 && DOMAIN.test(text.slice(0, slash)) && allowed.includes("url")) {
      return { message: "a page target is an absolute URL", hint: `write ${JSON.stringify(`https://${text}`)}` };
    }
    return { message: describeAllowed(allowed) };
  }
  if (!allowed.includes("url")) {
    return { message: "this endpoint takes a domain or subdomain, not a URL", hint: hostHint(text) };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { message: "this is not a valid URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { message: "a page target is an http:// or https:// URL" };
  if (!DOMAIN.test(url.hostname) && !/^\[.*\]$/.test(url.hostname)) return { message: "this URL has no valid host name" };
  if (/\s/.test(text)) return { message: "a URL cannot contain spaces", hint: "encode them as %20" };
  return undefined;
}

function describeAllowed(allowed: readonly TargetKind[]): string {
  return allowed.includes("url")
    ? "a target is a domain without scheme or `www.` (example.com) or an absolute URL (https://example.com/page)"
    : "a target is a domain or subdomain without scheme or `www.` (example.com)";
}

function hostHint(text: string): string | undefined {
  try {
    const host = new URL(text).hostname.replace(/^www\./i, "");
    return host === "" ? undefined : `write ${JSON.stringify(host)}`;
  } catch {
    return undefined;
  }
}
