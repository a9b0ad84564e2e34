import { expect } from "vitest";
import { DfsqError } from "../../src/diagnostics/error.js";

/** What `fn` throws, or undefined when it returns. */
function caught(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e;
  }
}

/** Runs `fn`, asserts that it throws an instance of `type`, and returns that error. */
export function thrown<E>(fn: () => unknown, type: abstract new (...args: never[]) => E): E {
  const error = caught(fn);
  expect(error).toBeInstanceOf(type);
  return error as E;
}

/** Runs `fn`, asserts that it throws a DfsqError, and returns that error. */
export function dfsqError(fn: () => unknown): DfsqError {
  return thrown(fn, DfsqError);
}

/** Runs `fn` and asserts that it either returns or throws a DfsqError, nothing else. */
export function expectOnlyDfsqError(fn: () => unknown): void {
  const error = caught(fn);
  expect(error === undefined || error instanceof DfsqError, `threw ${String(error)}`).toBe(true);
}
