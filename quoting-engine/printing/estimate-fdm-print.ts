import type { FdmLayerProfile } from "./measure-fdm-layers";

/**
 * One FDM machine class as a slicer would set it up, plus the few constants calibrated against
 * PrusaSlicer 2.5 (docs/decisions/0035). Speeds mm/s, accelerations mm/s², lengths mm.
 */
export interface FdmMachineSettings {
  layerHeightMm: number;
  extrusionWidthMm: number;
  perimeters: number;
  topSolidLayers: number;
  bottomSolidLayers: number;
  infillDensity: number;
  /** Sparse regions smaller than this (per island) are filled solid. */
  solidInfillBelowAreaMm2: number;
  perimeterSpeed: number;
  externalPerimeterSpeed: number;
  /** Loops shorter than 2π × 6.5 mm. */
  smallPerimeterSpeed: number;
  infillSpeed: number;
  solidInfillSpeed: number;
  topSolidInfillSpeed: number;
  supportSpeed: number;
  travelSpeed: number;
  firstLayerSpeed: number;
  accelerationMmPerS2: number;
  /** Speed the head may keep through a corner or start a move at (classic jerk). */
  jerkMmPerS: number;
  /** Cooling: layers faster than this are slowed down, but not below `minPrintSpeed`. */
  minLayerSeconds: number;
  minPrintSpeed: number;
  /** Retract and prime once, seconds (2 mm at 40 mm/s each way). */
  retractSeconds: number;
  skirtDistanceMm: number;
  skirtLoops: number;
  /** Share of the support body's cross-section extruded (PrusaSlicer: lines 2.5 mm apart, 0.14 nominal). */
  supportDensity: number;
  /** The filament's deposition rate the class was calibrated with (PLA); others scale the time. */
  calibratedBuildRateCm3PerHour: number;
  // Calibrated (decision 0035):
  /** Length of infill joins along the perimeters per mm of contour (regions with sparse infill). */
  infillAnchorShare: number;
  /** Average sparse-infill line length per √(island area). */
  infillLineLengthFactor: number;
  /** Travel moves, each with a retraction: per contour, per island, per layer, per cm² of support. */
  travelsPerLoop: number;
  travelsPerIsland: number;
  travelsPerLayer: number;
  travelsPerSupportCm2: number;
  /** Average travel length as a share of the layer's extent. */
  travelHopShare: number;
  /** Layer change: z move, seam travel. */
  layerChangeSeconds: number;
  /** Extruded volume over the slicer's nominal path area × layer height (overlaps, flow). */
  flowFactor: number;
  /** Support body and interface as measured, scaled for the slicer's expansion and xy gap. */
  supportAreaFactor: number;
  supportInterfaceAreaFactor: number;
  /**
   * Width of the band along the support's outline that its sparse body fills, mm: PrusaSlicer prints
   * a wide support as a loop and lines near it (a 60 × 40 mm overhang: ~0.09 of its area, not the
   * nominal 0.14), a narrow one whole.
   */
  supportBandMm: number;
  /**
   * Loops around each support island's body (PrusaSlicer's `support_material_with_sheath`, on by
   * default): on narrow supports under curved undersides the sheath is most of the body.
   */
  supportSheathLoops: number;
  /** Density of the support's first layer on the plate (PrusaSlicer's `raft_first_layer_density`, 90 %). */
  supportFirstLayerDensity: number;
  /**
   * Height of the support's own layers above the first (PrusaSlicer plans non-soluble support layers
   * apart from the object's, up to `max_layer_height`, 0 = 0.75 × the nozzle: 0.3 mm): the body's
   * volume is the same, its path two thirds; the interface keeps its layer count, so thicker.
   */
  supportLayerHeightMm: number;
}

export interface FdmPrintEstimate {
  minutes: number;
  /** Extruded filament including supports and skirt, mm³. */
  filamentMm3: number;
  supportMm3: number;
  layers: number;
  /** Minutes by what the head does (they add up to `minutes`). */
  breakdownMinutes: {
    perimeters: number;
    infill: number;
    solidInfill: number;
    supports: number;
    travel: number;
    layerChanges: number;
    coolingSlowdown: number;
  };
  /** Extruded volume by feature, mm³ (they add up to `filamentMm3`): to compare with a slicer's `;TYPE:` totals. */
  breakdownMm3: {
    perimeters: number;
    solidInfill: number;
    infill: number;
    supports: number;
    supportInterface: number;
    skirt: number;
  };
}

/**
 * FDM print time and filament from the layer profile of one orientation, the way a slicer plans it:
 * per layer, perimeters (external, inner, small loops slower, a slow-down at each sharp corner),
 * solid skins (the top and bottom layers under and over every up- and down-facing surface, small
 * regions solid), sparse infill at its density, supports (sparse body plus dense interface layers),
 * travel with retractions per island, the layer change, and the first layer at first-layer speed;
 * every move is a trapezoid (acceleration, starting and ending at the jerk speed); then the cooling
 * slow-down stretches layers shorter than the minimum layer time. Plus the skirt. Pure and fast:
 * linear in layers.
 */
export function estimateFdmPrint(profile: FdmLayerProfile, settings: FdmMachineSettings): FdmPrintEstimate {
  const s = settings;
  const h = s.layerHeightMm;
  const layers = profile.areaMm2.length;
  // Printed layers per measured layer (1 unless the profile was measured coarser, for a tall part).
  const repeat = Math.max(1, profile.layerHeightMm / h);
  const topLayers = Math.max(1, Math.round(s.topSolidLayers / repeat));
  const bottomLayers = Math.max(1, Math.round(s.bottomSolidLayers / repeat));
  // Centre-to-centre spacing of adjacent extrusions (PrusaSlicer's Flow: width − h(1 − π/4)).
  const spacing = s.extrusionWidthMm - h * (1 - Math.PI / 4);
  const line = (length: number, speed: number): number =>
    moveSeconds(length, speed, s.accelerationMmPerS2, s.jerkMmPerS);
  const total = {
    perimeters: 0,
    infill: 0,
    solidInfill: 0,
    supports: 0,
    travel: 0,
    layerChanges: 0,
    coolingSlowdown: 0,
  };
  let pathMm = 0;
  let supportPathMm = 0;
  const paths = { perimeters: 0, solidInfill: 0, infill: 0, supports: 0, supportInterface: 0, skirt: 0 };

  for (let i = 0; i < layers; i++) {
    const area = profile.areaMm2[i]!;
    const perimeter = profile.perimeterMm[i]!;
    const islands = Math.max(1, profile.islandCount[i]!);
    const loops = Math.max(1, profile.loopCount[i]!);
    const first = i === 0;
    // PrusaSlicer prints every extrusion of the first layer at the first-layer speed.
    const cap = (speed: number): number => (first ? s.firstLayerSpeed : speed);

    // Perimeters: n loops, but never more than the cross-section holds (thin walls are all perimeter).
    const perimeterPath = Math.min(s.perimeters * perimeter, area / spacing);
    const externalPath = Math.min(perimeter, perimeterPath);
    const innerPath = perimeterPath - externalPath;
    // Loops printed at the small-perimeter speed: per loop where the profile measured them (inner
    // loops of a small island too, decision 0057), else the contours' share.
    const smallPath = profile.smallPerimeterPathMm?.[i];
    const smallShare =
      smallPath !== undefined
        ? perimeterPath > 0
          ? Math.min(1, smallPath / perimeterPath)
          : 0
        : perimeter > 0
          ? Math.min(1, profile.smallLoopMm[i]! / perimeter)
          : 0;
    const rounds = perimeterPath / Math.max(perimeter, 1e-9);
    // Straight runs between sharp corners (or one run per loop on smooth contours).
    const runs = Math.max(loops, profile.cornerCount[i]!) * rounds;
    const runLength = perimeterPath / Math.max(runs, 1e-9);
    const perimeterSeconds =
      runs > 0
        ? runs *
            (externalPath / perimeterPath) *
            (1 - smallShare) *
            line(runLength, cap(s.externalPerimeterSpeed)) +
          runs * (innerPath / perimeterPath) * (1 - smallShare) * line(runLength, cap(s.perimeterSpeed)) +
          runs * smallShare * line(runLength, cap(s.smallPerimeterSpeed))
        : 0;

    // Skins: layers within top/bottom solid layers of an up- or down-facing surface.
    const inner = Math.max(0, area - perimeterPath * spacing);
    let skin = profile.solidSkinMm2?.[i] ?? 0;
    if (!profile.solidSkinMm2) {
      for (let j = i; j < Math.min(layers, i + topLayers); j++) skin += profile.upMm2[j]!;
      for (let j = Math.max(0, i - bottomLayers + 1); j <= i; j++) skin += profile.downMm2[j]!;
    }
    // Small regions solid: per island where the profile lists them, else by the average island.
    const smallArea = profile.smallIslandMm2?.[i];
    const smallInner =
      smallArea === undefined
        ? undefined
        : Math.min(
            inner,
            Math.max(0, smallArea - s.perimeters * spacing * profile.smallIslandPerimeterMm![i]!),
          );
    const solid =
      smallInner === undefined
        ? inner / islands < s.solidInfillBelowAreaMm2
          ? inner
          : Math.min(inner, skin)
        : smallInner + Math.min(inner - smallInner, skin);
    const topArea = Math.min(solid, profile.upMm2[i]!);
    const sparse = inner - solid;
    const solidPath = solid / spacing;
    const solidRun = Math.max(1, Math.sqrt(solid / islands));
    const solidSeconds =
      ((solid - topArea) / spacing / solidRun) * line(solidRun, cap(s.solidInfillSpeed)) +
      (topArea / spacing / solidRun) * line(solidRun, cap(s.topSolidInfillSpeed));
    // Infill lines are joined along the perimeters (PrusaSlicer's infill anchors, up to 600 % of the
    // width): in narrow regions those joins are most of the infill.
    const sparsePath =
      sparse > 0 ? (sparse * s.infillDensity) / spacing + s.infillAnchorShare * perimeter : 0;
    const sparseRun = Math.max(1, s.infillLineLengthFactor * Math.sqrt(sparse / islands));
    const infillSeconds = (sparsePath / sparseRun) * line(sparseRun, cap(s.infillSpeed));

    // Supports: sparse lines at the support spacing and a sheath loop around each island, the first
    // layer dense; interface layers dense. Support layers above the first are printed thicker
    // (`supportLayerHeightMm`): the body's path shrinks by h / that height at the same volume, the
    // interface keeps its path (its layer count) and gains that height in volume.
    const measuredSparse = profile.supportMm2[i]!;
    const measuredDense = profile.supportInterfaceMm2[i]!;
    const outline = profile.supportOutlineMm?.[i];
    const sparseOutline =
      outline === undefined || measuredSparse <= 0
        ? Infinity
        : (outline * measuredSparse) / (measuredSparse + measuredDense);
    const denseOutline =
      outline === undefined || measuredDense <= 0
        ? Infinity
        : (outline * measuredDense) / (measuredSparse + measuredDense);
    const supportSparse = Math.min(measuredSparse * s.supportAreaFactor, sparseOutline * s.supportBandMm);
    // The interface lies on the same band as the body (decision 0067): PrusaSlicer 2.5 takes a bridged
    // underside out of the contact areas (`dont_support_bridges`, `remove_bridges_from_contacts`) and
    // keeps the support along its unsupported edges, so a wide flat overhang gets a frame of dense
    // interface, not a dense sheet (the T: 637 mm³ of interface, the whole underside would be 1,680).
    const supportDense = Math.min(
      measuredDense * s.supportInterfaceAreaFactor,
      denseOutline * s.supportBandMm,
    );
    const sheathPath =
      measuredSparse > 0 && Number.isFinite(sparseOutline) ? sparseOutline * s.supportSheathLoops : 0;
    // Lines and sheath, but never more path than the body's cross-section holds (a thin ring of
    // support beside a wall takes one loop, not a loop along each side: decision 0067).
    const bodyPath = Math.min(
      (supportSparse * (first ? s.supportFirstLayerDensity : s.supportDensity)) / spacing + sheathPath,
      (measuredSparse * s.supportAreaFactor) / spacing,
    );
    // The support's own layer height here where the profile measured it in printed layers (decision 0057).
    const ownLayer =
      repeat === 1 && profile.supportLayerHeightMm
        ? Math.min(s.supportLayerHeightMm, profile.supportLayerHeightMm[i]!)
        : s.supportLayerHeightMm;
    const thick = first ? 1 : Math.max(1, ownLayer / h);
    const densePath = supportDense / spacing;
    // Printed path length (time) and the equivalent path at this layer's height (volume).
    const supportPath = (bodyPath + densePath) / thick;
    const supportVolumePath = bodyPath + densePath;
    const supportRun = Math.max(1, Math.sqrt(supportSparse + supportDense));
    const supportSeconds =
      supportPath > 0 ? (supportPath / supportRun) * line(supportRun, cap(s.supportSpeed)) : 0;

    // Travel between contours, islands, regions and support patches, each with a retraction; the
    // hop is a share of the layer's extent (travel crosses the part, not around it).
    const travels =
      s.travelsPerLoop * loops +
      s.travelsPerIsland * islands +
      s.travelsPerLayer +
      (s.travelsPerSupportCm2 * (supportSparse + supportDense)) / 100;
    const hop = Math.max(1, s.travelHopShare * profile.extentMm[i]!);
    const travelSeconds = travels * (line(hop, s.travelSpeed) + s.retractSeconds);

    const extrudedPath = perimeterPath + solidPath + sparsePath + supportPath;
    const depositedPath = perimeterPath + solidPath + sparsePath + supportVolumePath;
    const extrudeSeconds = perimeterSeconds + solidSeconds + infillSeconds + supportSeconds;
    // Cooling: extrusion slowed so the layer lasts the minimum layer time, not below the minimum speed.
    const slowest = extrudedPath / s.minPrintSpeed;
    const stretched = Math.max(extrudeSeconds, Math.min(s.minLayerSeconds - travelSeconds, slowest));
    total.perimeters += perimeterSeconds * repeat;
    total.solidInfill += solidSeconds * repeat;
    total.infill += infillSeconds * repeat;
    total.supports += supportSeconds * repeat;
    total.travel += travelSeconds * repeat;
    total.layerChanges += s.layerChangeSeconds * repeat;
    total.coolingSlowdown += (stretched - extrudeSeconds) * repeat;
    pathMm += depositedPath * repeat;
    supportPathMm += supportVolumePath * repeat;
    paths.perimeters += perimeterPath * repeat;
    paths.solidInfill += solidPath * repeat;
    paths.infill += sparsePath * repeat;
    paths.supports += bodyPath * repeat;
    paths.supportInterface += densePath * repeat;
  }
  // Skirt: loops around the first layer's outline at the skirt distance, at first-layer speed.
  const skirtMm =
    layers > 0 ? s.skirtLoops * (profile.firstLayerHullMm + 2 * Math.PI * s.skirtDistanceMm) : 0;
  total.perimeters += line(skirtMm, s.firstLayerSpeed);
  pathMm += skirtMm;
  paths.skirt = skirtMm;

  // Perimeters and the skirt at PrusaSlicer's nominal flow (`Flow::mm3_per_mm`: spacing × h for a
  // 0.45 × 0.2 mm extrusion); the calibrated flow factor is on the fills (infill overlapping the
  // perimeters by `infill_overlap`, 25 %; bridges at full round section).
  const mm3PerMm = spacing * h * s.flowFactor;
  const loopMm3PerMm = spacing * h;
  const perimeterMm3 = (paths.perimeters + paths.skirt) * loopMm3PerMm;
  const fillMm3 = (pathMm - paths.perimeters - paths.skirt) * mm3PerMm;
  const seconds = Object.values(total).reduce((sum, value) => sum + value, 0);
  const toMinutes = (value: number): number => value / 60;
  return {
    minutes: seconds / 60,
    filamentMm3: perimeterMm3 + fillMm3,
    supportMm3: supportPathMm * mm3PerMm,
    layers: Math.round(layers * repeat),
    breakdownMinutes: {
      perimeters: toMinutes(total.perimeters),
      infill: toMinutes(total.infill),
      solidInfill: toMinutes(total.solidInfill),
      supports: toMinutes(total.supports),
      travel: toMinutes(total.travel),
      layerChanges: toMinutes(total.layerChanges),
      coolingSlowdown: toMinutes(total.coolingSlowdown),
    },
    breakdownMm3: {
      perimeters: paths.perimeters * loopMm3PerMm,
      solidInfill: paths.solidInfill * mm3PerMm,
      infill: paths.infill * mm3PerMm,
      supports: paths.supports * mm3PerMm,
      supportInterface: paths.supportInterface * mm3PerMm,
      skirt: paths.skirt * loopMm3PerMm,
    },
  };
}

/**
 * Seconds for one straight move of `length` at `speed`, accelerating from and braking to the jerk
 * speed (a trapezoid, or a triangle when the move is too short to reach full speed).
 */
export function moveSeconds(length: number, speed: number, acceleration: number, jerk: number): number {
  if (length <= 0) return 0;
  const start = Math.min(jerk, speed);
  const rampMm = (speed * speed - start * start) / acceleration;
  if (length >= rampMm) return length / speed + (speed - start) ** 2 / (acceleration * speed);
  const peak = Math.sqrt(start * start + acceleration * length);
  return (2 * (peak - start)) / acceleration;
}
