import { expect } from "vitest";
import { DfsqError } from "../../src/diagnostics/error.js";

/** Runs `fn`, asserts that it throws a DfsqError, and returns that error. */
export function dfsqError(fn: () => unknown): DfsqError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(DfsqError);
  return caught as DfsqError;
}

/** Runs `fn` and asserts that it either returns or throws a DfsqError, nothing else. */
export function expectOnlyDfsqError(fn: () => unknown): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught === undefined || caught instanceof DfsqError, `threw ${String(caught)}`).toBe(true);
}
