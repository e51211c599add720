/** How `measureFdmLayers` slices: layer height, orientation, and the slicer settings it models. */
export interface MeasureFdmLayersOptions {
  layerHeightMm?: number;
  /** The build orientation: rows are the plate's x, its y and up in the mesh's frame (row-major 3 × 3,
   * as `choose-build-orientation.ts` states it); absent: the mesh as drawn, z up. */
  rotation?: ArrayLike<number>;
  /** At most this many layers (slicing cost grows with them). */
  maxLayers?: number;
  /** Faces flatter than this (from horizontal) need support: PrusaSlicer's automatic threshold is
   * an overhang of half an extrusion width per layer, atan(0.2 / 0.225) ≈ 42°. */
  supportAngleDeg?: number;
  supportContactGapMm?: number;
  /** Faces flatter than this get dense interface above their support (36.5°, `measure-fdm-supports.ts`). */
  supportInterfaceAngleDeg?: number;
  /**
   * Dense layers at the support's top (and bottom, where it stands on the part), in measured layers:
   * PrusaSlicer's `support_material_interface_layers` = 3 printed at the support's own layer height
   * (0.3 mm, 0.75 × the nozzle, see `supportLayerHeightMm`), 0.9 mm: 4 layers of 0.2 mm.
   */
  supportInterfaceLayers?: number;
  /** Sideways growth of support regions (PrusaSlicer grows overhangs by SUPPORT_MATERIAL_MARGIN, 1.5 mm). */
  supportSpreadMm?: number;
  /** Support's reach past the part into the air beside it, down to the plate: 0.75 mm of column centres,
   * ending ~0.9 mm out as in the U overhang's G-code (sheath 0.69 mm outside the part; decision 0067). */
  supportReachBeyondPartMm?: number;
  /** The thickest support layer (PrusaSlicer: `max_layer_height` 0 = 0.75 × the 0.4 mm nozzle, 0.3 mm). */
  supportMaxLayerHeightMm?: number;
  /** PrusaSlicer's default (dont_support_bridges) leaves bridges unsupported. */
  supportBridges?: boolean;
  sharpCornerDeg?: number;
  /** Solid layers under a top and over a bottom surface (PrusaSlicer's `top_solid_layers`, `bottom_solid_layers`). */
  solidLayers?: number;
  /** Width of the perimeters' band: 3 loops at PrusaSlicer's 0.407 mm spacing (0.45 mm wide, 0.2 mm layers). */
  perimeterBandMm?: number;
  /** Infill regions under this area are filled solid (PrusaSlicer's `solid_infill_below_area`). */
  solidBelowAreaMm2?: number;
  /** Growth of skins into the infill area (PrusaSlicer's `EXTERNAL_INFILL_MARGIN`, 3 mm). */
  skinMarginMm?: number;
  /** Slice every n-th layer and give the layers between the one below's contours (skins and supports
   * stay per layer). Default: 1, and 2 for meshes over `fineTriangleLimit` triangles, whose contours
   * change little from one 0.2 mm layer to the next (3DBenchy: 0.3 % of time, 0.1 % of filament). */
  sliceEvery?: number;
  /** The mesh's edge mates when it is closed and clean (`closedMeshMates`): the contours are joined by
   * them, with no edge ids sorted (without them a mesh whose every edge joins two triangles gets its
   * mates from its edge ids, `edgeMatesFromIds`). */
  edgeMates?: Int32Array;
}
