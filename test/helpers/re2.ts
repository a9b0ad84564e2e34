import { RE2JS } from "re2js";

/** The oracle for dfsq's RE2 syntax check: whether re2js compiles the pattern. */
export function re2jsAccepts(pattern: string): boolean {
  try {
    RE2JS.compile(pattern);
    return true;
  } catch {
    return false;
  }
}
