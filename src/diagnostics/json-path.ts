const pathKey = (p: string | number) => (typeof p === "number" ? `[${p}]` : `[${JSON.stringify(p)}]`);

/** JSON path as written in JavaScript: `[2][0]`. Past `max` keys, the middle ones are elided
 * (`[0][0]…[0][2]`): a path 10,000 groups deep is data, not a message. */
export function formatPath(path: readonly (string | number)[], max = 16): string {
  if (path.length === 0) return "the top level";
  if (path.length <= max) return path.map(pathKey).join("");
  const half = Math.floor(max / 2);
  return `${path.slice(0, half).map(pathKey).join("")}…${path.slice(path.length - half).map(pathKey).join("")}`;
}
