/** Volume, area and box of one body's triangles. */
export interface BodyMeasures {
  /** Signed volume in mm³ (positive when the triangles face outwards), summed about the first vertex. */
  signedVolumeMm3: number;
  areaMm2: number;
  min: [number, number, number];
  max: [number, number, number];
}

export const noMeasures: BodyMeasures = {
  signedVolumeMm3: 0,
  areaMm2: 0,
  min: [Infinity, Infinity, Infinity],
  max: [-Infinity, -Infinity, -Infinity],
};

/**
 * Signed volume, surface area and bounding box of a body in one pass over its triangles (each corner
 * read once instead of three times). Term by term the same arithmetic as `signedVolume` and
 * `surfaceArea` (volume about the first vertex for precision far from the origin), summed in the same
 * order, so the numbers are identical to theirs. Turning every triangle round negates each volume term
 * exactly and leaves each area term as it is, so a body measured before it is turned outwards keeps
 * its |volume| and area.
 */
export function measureBody(positions: Float64Array, indices: Uint32Array): BodyMeasures {
  if (indices.length === 0) return noMeasures;
  const origin = indices[0]! * 3;
  const ox = positions[origin]!,
    oy = positions[origin + 1]!,
    oz = positions[origin + 2]!;
  let minX = Infinity,
    minY = Infinity,
    minZ = Infinity,
    maxX = -Infinity,
    maxY = -Infinity,
    maxZ = -Infinity;
  let sixTimesVolume = 0;
  let twiceArea = 0;
  for (let corner = 0; corner < indices.length; corner += 3) {
    const a = indices[corner]! * 3;
    const b = indices[corner + 1]! * 3;
    const c = indices[corner + 2]! * 3;
    const pax = positions[a]!,
      pay = positions[a + 1]!,
      paz = positions[a + 2]!;
    const pbx = positions[b]!,
      pby = positions[b + 1]!,
      pbz = positions[b + 2]!;
    const pcx = positions[c]!,
      pcy = positions[c + 1]!,
      pcz = positions[c + 2]!;
    if (pax < minX) minX = pax;
    if (pax > maxX) maxX = pax;
    if (pay < minY) minY = pay;
    if (pay > maxY) maxY = pay;
    if (paz < minZ) minZ = paz;
    if (paz > maxZ) maxZ = paz;
    if (pbx < minX) minX = pbx;
    if (pbx > maxX) maxX = pbx;
    if (pby < minY) minY = pby;
    if (pby > maxY) maxY = pby;
    if (pbz < minZ) minZ = pbz;
    if (pbz > maxZ) maxZ = pbz;
    if (pcx < minX) minX = pcx;
    if (pcx > maxX) maxX = pcx;
    if (pcy < minY) minY = pcy;
    if (pcy > maxY) maxY = pcy;
    if (pcz < minZ) minZ = pcz;
    if (pcz > maxZ) maxZ = pcz;
    const ax = pax - ox,
      ay = pay - oy,
      az = paz - oz;
    const bx = pbx - ox,
      by = pby - oy,
      bz = pbz - oz;
    const cx = pcx - ox,
      cy = pcy - oy,
      cz = pcz - oz;
    sixTimesVolume += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
    const ux = pbx - pax,
      uy = pby - pay,
      uz = pbz - paz;
    const vx = pcx - pax,
      vy = pcy - pay,
      vz = pcz - paz;
    const nx = uy * vz - uz * vy,
      ny = uz * vx - ux * vz,
      nz = ux * vy - uy * vx;
    twiceArea += Math.sqrt(nx * nx + ny * ny + nz * nz);
  }
  return {
    signedVolumeMm3: sixTimesVolume / 6,
    areaMm2: twiceArea / 2,
    min: [minX, minY, minZ],
    max: [maxX, maxY, maxZ],
  };
}
