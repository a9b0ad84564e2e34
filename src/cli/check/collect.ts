import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { dirname, extname, join, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { globSync, isDynamicPattern } from "tinyglobby";
import { UsageError } from "../io.js";

/*
 * The files `dfsq check` reads: those named, those under the directories named (the current one
 * by default) and those the globs match, minus what git ignores. One walk, in this process.
 */

/** The kinds of file dfsq reads. */
export const CHECKED_EXTENSIONS: readonly string[] = [".json", ".jsonl", ".dfsq"];

/** Never walked into: what git and npm keep there is not the repository's own. */
const NEVER_WALKED: ReadonlySet<string> = new Set([".git", "node_modules"]);

export interface Target {
  /** Absolute. */
  readonly path: string;
  /** Named on the command line, so read even when it holds nothing dfsq recognises. */
  readonly explicit: boolean;
}

/**
 * The rules of every .gitignore from the repository's top directory down, applied as git does:
 * a deeper file's rules override a shallower one's, and nothing under an ignored directory is
 * seen. Each .gitignore is read once.
 */
class GitIgnores {
  readonly #rules = new Map<string, Ignore | undefined>();
  readonly #dirs = new Map<string, boolean>();

  constructor(readonly top: string) {}

  /** Whether git ignores `path` (absolute, under `top`). */
  ignores(path: string, isDirectory: boolean): boolean {
    if (!path.startsWith(this.top + sep)) return false;
    const parent = dirname(path);
    if (parent !== this.top && this.#ignoresDirectory(parent)) return true;
    return this.#matches(path, isDirectory);
  }

  #ignoresDirectory(dir: string): boolean {
    let known = this.#dirs.get(dir);
    if (known === undefined) {
      known = this.ignores(dir, true);
      this.#dirs.set(dir, known);
    }
    return known;
  }

  /** The verdict of the deepest .gitignore that has one about `path`. */
  #matches(path: string, isDirectory: boolean): boolean {
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const rules = this.#rulesOf(dir);
      if (rules !== undefined) {
        // `path` lies under `dir`: its relative path is its tail.
        const rel = path.slice(dir.endsWith(sep) ? dir.length : dir.length + 1).split(sep).join("/") + (isDirectory ? "/" : "");
        const verdict = rules.test(rel);
        if (verdict.ignored || verdict.unignored) return verdict.ignored;
      }
      if (dir === this.top || dirname(dir) === dir) return false;
    }
  }

  #rulesOf(dir: string): Ignore | undefined {
    if (this.#rules.has(dir)) return this.#rules.get(dir);
    const files = [join(dir, ".gitignore"), ...(dir === this.top ? [join(dir, ".git", "info", "exclude")] : [])];
    let rules: Ignore | undefined;
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue;
      }
      rules = (rules ?? ignore()).add(text);
    }
    this.#rules.set(dir, rules);
    return rules;
  }
}

/** The top directory of the git repository holding `dir`, or `dir` itself outside one. */
function repositoryTop(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, ".git"))) return at;
    if (dirname(at) === at) return dir;
  }
}

const checked = (name: string) => CHECKED_EXTENSIONS.includes(extname(name).toLowerCase());

function isFileEntry(dir: string, entry: Dirent): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(join(dir, entry.name)).isFile();
  } catch {
    return false;
  }
}

function walk(root: string, git: GitIgnores, out: Target[]): void {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      // A link to a directory is not followed: it could loop, and its files are checked where they live.
      if (entry.isDirectory()) {
        if (!NEVER_WALKED.has(entry.name) && !git.ignores(path, true)) stack.push(path);
      } else if (checked(entry.name) && isFileEntry(dir, entry) && !git.ignores(path, false)) {
        out.push({ path, explicit: false });
      }
    }
  }
}

/**
 * The files to check, sorted by path, each once. `args` are files (read whatever they hold),
 * directories (walked) and globs (matched from `cwd`); none means `cwd`. Throws UsageError for a
 * path that does not exist, a named file of a kind dfsq does not read, or a glob that matches
 * nothing.
 */
export function collectFiles(args: readonly string[], cwd: string): Target[] {
  const found: Target[] = [];
  const tops = new Map<string, GitIgnores>();
  const gitFor = (dir: string) => {
    const top = repositoryTop(dir);
    let git = tops.get(top);
    if (git === undefined) tops.set(top, (git = new GitIgnores(top)));
    return git;
  };
  for (const arg of args.length === 0 ? ["."] : args) {
    const path = resolve(cwd, arg);
    const stat = statOrUndefined(path);
    if (stat?.isDirectory()) {
      walk(path, gitFor(path), found);
    } else if (stat !== undefined) {
      if (!checked(path)) throw new UsageError(`${arg}: dfsq check reads ${CHECKED_EXTENSIONS.join(", ")} files`);
      found.push({ path, explicit: true });
    } else if (isDynamicPattern(arg)) {
      const matches = globSync(arg, { cwd, absolute: true, onlyFiles: true, ignore: ["**/node_modules/**", "**/.git/**"] })
        .map((p) => resolve(p))
        .filter((p) => checked(p) && !gitFor(dirname(p)).ignores(p, false));
      if (matches.length === 0) throw new UsageError(`no ${CHECKED_EXTENSIONS.join(", ")} files match ${arg}`);
      for (const match of matches) found.push({ path: match, explicit: false });
    } else {
      throw new UsageError(`${arg}: no such file or directory`);
    }
  }
  const byPath = new Map<string, Target>();
  for (const target of found) {
    const seen = byPath.get(target.path);
    if (seen === undefined || (target.explicit && !seen.explicit)) byPath.set(target.path, target);
  }
  return [...byPath.values()].toSorted((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
