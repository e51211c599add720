/**
 * Whether columns of `measureFdmSupports`' grid are solid at a height, counted once per grid line and
 * height (prefix sums), for the bridge test. Keyed by a number (height in µm, direction, line): a string
 * key per ceiling cell was a fifth of a small part's support work. One object literal read by module
 * functions, not closures made per part (decisions 0101, 0102).
 */
export interface BridgedCeilings {
  /** The hits per column (CSR), sorted by height: column c's run from `counts[c]` to `counts[c + 1]`. */
  counts: Uint32Array;
  hitZ: Float64Array;
  hitNz: Float32Array;
  nx: number;
  ny: number;
  h: number;
  lines: number;
  solidCounts: Map<number, Int32Array>;
}

export function bridgedCeilingsOf(
  counts: Uint32Array,
  hitZ: Float64Array,
  hitNz: Float32Array,
  nx: number,
  ny: number,
  h: number,
): BridgedCeilings {
  return { counts, hitZ, hitNz, nx, ny, h, lines: Math.max(nx, ny) + 1, solidCounts: new Map() };
}

function solidAt(s: BridgedCeilings, column: number, z: number): boolean {
  const { counts, hitZ, hitNz } = s;
  let inside = false;
  for (let k = counts[column]!; k < counts[column + 1]! && hitZ[k]! < z; k++) inside = hitNz[k]! < 0;
  return inside;
}

function lineCounts(s: BridgedCeilings, alongX: boolean, line: number, z: number): Int32Array {
  const { nx, ny } = s;
  const key = (Math.round(z * 1000) * 2 + (alongX ? 0 : 1)) * s.lines + line;
  let prefix = s.solidCounts.get(key);
  if (!prefix) {
    const length = alongX ? nx : ny;
    prefix = new Int32Array(length + 1);
    for (let k = 0; k < length; k++) {
      const column = alongX ? line * nx + k : k * nx + line;
      prefix[k + 1] = prefix[k]! + (solidAt(s, column, z) ? 1 : 0);
    }
    s.solidCounts.set(key, prefix);
  }
  return prefix;
}

/**
 * A bridge: a flat ceiling at height `z` over column `c` with part just below its height on both sides
 * along x or along y. PrusaSlicer (dont_support_bridges) prints those across the gap without support.
 */
export function isBridged(s: BridgedCeilings, c: number, z: number): boolean {
  const { nx, ny } = s;
  const i = c % nx;
  const j = (c - i) / nx;
  const below = z - s.h;
  const row = lineCounts(s, true, j, below);
  if (row[i]! > 0 && row[nx]! - row[i + 1]! > 0) return true;
  const column = lineCounts(s, false, i, below);
  return column[j]! > 0 && column[ny]! - column[j + 1]! > 0;
}
