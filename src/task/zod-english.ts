import { config, type $ZodRawIssue } from "zod/v4/core";
import en from "zod/v4/locales/en.js";

/*
 * The schemas are zod/mini's, which loads no locale: without one, every message zod writes
 * itself is "Invalid input". Parses pass this as their error map, so the messages users read
 * (a task parameter's, a response issue's) are zod's English ones, unless the application set
 * a locale or an error map of its own (z.config), which then wins; zod classic sets English when
 * first used.
 */

let english: ((issue: $ZodRawIssue) => string | undefined) | undefined;

/** Per-parse options: zod's English messages when no locale is configured. */
export const ENGLISH_MESSAGES = {
  error: (issue: $ZodRawIssue): string | undefined => {
    const { customError, localeError } = config();
    if (customError !== undefined || localeError !== undefined) return undefined;
    english ??= en().localeError as (issue: $ZodRawIssue) => string | undefined;
    return english(issue);
  },
};
