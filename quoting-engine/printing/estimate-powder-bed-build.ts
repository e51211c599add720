import type { ProcessParameters } from "../pricing/pricing-data";
import type { BuildTime } from "./estimate-plate-build";
import type { OrientedBuild } from "./oriented-build";

/**
 * Build time of one part in a powder bed (SLS, MJF), where parts nest in three dimensions and need no
 * supports (Ruffo, Tuck & Hague 2006; Baumers et al. 2016):
 * - layers: a build's time is its height in layers times a fixed time per layer (recoat and heating, and
 *   for MJF the agent and lamp passes, which cost the same however full the layer is). A part takes the
 *   chamber height its box fills when boxes fill `packingDensity` of the chamber: box volume over
 *   (plate area × packing density). Taller parts take more height; a denser nest, less per part;
 * - fusing: the part's volume at the material's rate (the laser's scan in SLS; small for MJF, whose lamp
 *   fuses a whole layer per pass).
 */
export function estimatePowderBedBuild(
  build: Pick<OrientedBuild, "boxVolumeMm3">,
  fusedMm3: number,
  buildRateMm3PerHour: number,
  parameters: ProcessParameters,
): BuildTime & { nestedHeightMm: number } {
  const layerHeight = parameters.layerHeightMm ?? 0.1;
  const [x, y] = parameters.buildVolumeMm ?? [300, 300, 300];
  const packing = parameters.packingDensity ?? 0.1;
  const nestedHeightMm = build.boxVolumeMm3 / (x * y * packing);
  const layers = nestedHeightMm / layerHeight;
  const layerMinutes = (layers * (parameters.secondsPerLayer ?? 0)) / 60;
  const fuseMinutes = (fusedMm3 / buildRateMm3PerHour) * 60;
  return { minutes: layerMinutes + fuseMinutes, fuseMinutes, layerMinutes, layers, nestedHeightMm };
}
