// The lodash-es functions Chevrotain 11 uses, in plain modern JavaScript, for dfsq's bundles.
// lodash-es is a third of the code Chevrotain brings (about 30 KB minified), and Chevrotain
// itself dropped it in version 12 for native equivalents; Node 20 keeps dfsq on 11. Each
// function covers how Chevrotain calls it: arrays and plain objects, iteratees that are
// functions. Used by scripts/esbuild-plugins.mjs for dist/ and, through the test setup, by every
// test, so the whole suite runs on it.

const isNil = (x) => x === null || x === undefined;
const isArrayLike = (x) => !isNil(x) && typeof x !== "function" && typeof x.length === "number";

export const isArray = Array.isArray;
export const identity = (x) => x;
export const noop = () => undefined;
export const isUndefined = (x) => x === undefined;
export const isString = (x) => typeof x === "string";
export const isFunction = (x) => typeof x === "function";
export const isRegExp = (x) => x instanceof RegExp;
export const isObject = (x) => !isNil(x) && (typeof x === "object" || typeof x === "function");

export function has(object, key) {
  return !isNil(object) && Object.prototype.hasOwnProperty.call(object, key);
}
export function keys(object) {
  return isNil(object) ? [] : isArrayLike(object) ? Array.from(object, (_, i) => String(i)) : Object.keys(object);
}
export function values(object) {
  return isNil(object) ? [] : isArrayLike(object) ? Array.from(object) : Object.keys(object).map((k) => object[k]);
}
export function isEmpty(value) {
  if (isNil(value)) return true;
  if (isArrayLike(value)) return value.length === 0;
  if (value instanceof Map || value instanceof Set) return value.size === 0;
  return Object.keys(value).length === 0;
}

// Arrays are what Chevrotain passes almost always, and these run thousands of times while the
// parser analyses its grammar at start-up: plain index loops, no [key, value] pairs.

/** Iterates; like lodash, returning `false` from the iteratee stops early. */
export function forEach(collection, fn) {
  if (isArrayLike(collection)) {
    for (let i = 0; i < collection.length; i++) if (fn(collection[i], i, collection) === false) break;
  } else if (!isNil(collection)) {
    for (const k of Object.keys(collection)) if (fn(collection[k], k, collection) === false) break;
  }
  return collection;
}
export function map(collection, fn = identity) {
  if (isArrayLike(collection)) {
    const out = [];
    for (let i = 0; i < collection.length; i++) out.push(fn(collection[i], i, collection));
    return out;
  }
  return isNil(collection) ? [] : Object.keys(collection).map((k) => fn(collection[k], k, collection));
}
export function filter(collection, fn = identity) {
  const out = [];
  forEach(collection, (v, k) => {
    if (fn(v, k, collection)) out.push(v);
  });
  return out;
}
export function reject(collection, fn = identity) {
  return filter(collection, (v, k, c) => !fn(v, k, c));
}
export function find(collection, fn = identity) {
  let found;
  forEach(collection, (v, k) => {
    if (!fn(v, k, collection)) return true;
    found = v;
    return false;
  });
  return found;
}
export function some(collection, fn = identity) {
  let hit = false;
  forEach(collection, (v, k) => {
    hit = Boolean(fn(v, k, collection));
    return !hit;
  });
  return hit;
}
export function every(collection, fn = identity) {
  return !some(collection, (v, k, c) => !fn(v, k, c));
}
export function reduce(collection, fn, accumulator) {
  let started = arguments.length >= 3;
  let acc = accumulator;
  forEach(collection, (v, k) => {
    if (started) acc = fn(acc, v, k, collection);
    else {
      acc = v;
      started = true;
    }
  });
  return acc;
}
export function includes(collection, value) {
  if (typeof collection === "string") return collection.includes(value);
  return values(collection).some((v) => v === value || (v !== v && value !== value));
}
export function indexOf(array, value) {
  return isNil(array) ? -1 : array.findIndex((v) => v === value || (v !== v && value !== value));
}
export function flatten(array) {
  return isNil(array) ? [] : array.flat(1);
}
export function flatMap(collection, fn = identity) {
  return map(collection, fn).flat(1);
}
export function first(array) {
  return isNil(array) ? undefined : array[0];
}
export function last(array) {
  return isNil(array) || array.length === 0 ? undefined : array[array.length - 1];
}
export function drop(array, n = 1) {
  return isNil(array) ? [] : array.slice(Math.max(0, n));
}
export function dropRight(array, n = 1) {
  return isNil(array) ? [] : array.slice(0, Math.max(0, array.length - n));
}
export function compact(array) {
  return isNil(array) ? [] : array.filter(Boolean);
}
export function uniq(array) {
  return isNil(array) ? [] : [...new Set(array)];
}
export function difference(array, ...others) {
  const exclude = new Set(others.flat(1));
  return isNil(array) ? [] : array.filter((v) => !exclude.has(v));
}
export function groupBy(collection, fn = identity) {
  const out = {};
  for (const v of values(collection)) {
    const key = fn(v);
    (out[key] ??= []).push(v);
  }
  return out;
}
export function pickBy(object, fn = identity) {
  const out = {};
  if (isNil(object)) return out;
  for (const key of Object.keys(object)) if (fn(object[key], key)) out[key] = object[key];
  return out;
}
export function assign(target, ...sources) {
  return Object.assign(target, ...sources);
}
export function defaults(target, ...sources) {
  for (const source of sources) {
    if (isNil(source)) continue;
    for (const key of Object.keys(source)) if (target[key] === undefined) target[key] = source[key];
  }
  return target;
}
/** Shallow copy: arrays stay arrays, objects keep their prototype. */
export function clone(value) {
  if (isNil(value) || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.slice();
  if (value instanceof RegExp) return new RegExp(value.source, value.flags);
  if (value instanceof Map) return new Map(value);
  if (value instanceof Set) return new Set(value);
  return Object.assign(Object.create(Object.getPrototypeOf(value)), value);
}
export function upperFirst(text) {
  return isNil(text) || text === "" ? "" : String(text)[0].toUpperCase() + String(text).slice(1);
}
