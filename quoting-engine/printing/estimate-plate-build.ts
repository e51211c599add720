import type { ProcessParameters } from "../pricing/pricing-data";
import type { OrientedBuild } from "./oriented-build";

export interface BuildTime {
  /** Machine minutes charged to one part. */
  minutes: number;
  /** Of which: exposing, curing or melting its volume. */
  fuseMinutes: number;
  /** Of which: its share of the build's layers (recoat, peel, wait). */
  layerMinutes: number;
  /** Layers of the part's own height. */
  layers: number;
}

/**
 * Build time of one part on a plate-based machine (SLA, metal PBF), in the form of Gibson, Rosen &
 * Stucker (Additive Manufacturing Technologies, 3rd ed., ch. 16) and Rickenbacher et al. (2013):
 * - fusing: the part and its supports at the material's volume rate (`fusedMm3 / rate`);
 * - layers: every layer of the build costs a fixed time whatever is on it (a recoat in PBF, a peel and
 *   resin settle in SLA), and the build is as many layers tall as its tallest part: so the part's own
 *   height in layers, shared with the parts beside it on the plate. The share is its footprint over the
 *   plate area a build fills (`packingDensity`): a denser plate shares each layer among more parts.
 * A tall part therefore costs more than a flat one of the same volume, and the orientation that lowers
 * the height is cheaper (choose-build-orientation.ts).
 */
export function estimatePlateBuild(
  build: Pick<OrientedBuild, "heightMm" | "footprintMm2">,
  fusedMm3: number,
  buildRateMm3PerHour: number,
  parameters: ProcessParameters,
): BuildTime & {
  /** The part's share of one build: its footprint over the plate area a build fills (0–1). */
  plateShare: number;
} {
  const layerHeight = parameters.layerHeightMm ?? 0.1;
  const [x, y] = parameters.buildVolumeMm ?? [300, 300, 300];
  const packing = parameters.packingDensity ?? 0.5;
  const layers = build.heightMm / layerHeight;
  const share = Math.min(1, build.footprintMm2 / (x * y * packing));
  const layerMinutes = (layers * (parameters.secondsPerLayer ?? 0) * share) / 60;
  const fuseMinutes = (fusedMm3 / buildRateMm3PerHour) * 60;
  return { minutes: layerMinutes + fuseMinutes, fuseMinutes, layerMinutes, layers, plateShare: share };
}
