/**
 * The revision of the engine's results: raised when the engine reads files it read before to different
 * results that matter (a price, a finding, a refusal), not for speed-ups with identical reports, and not
 * for the report's shape (that is `analysisContractVersion`, which the public API shows). The app stores
 * it beside each analysis; a part analysed under an older revision is analysed again the next time it is
 * priced (lib/parts/read-stored-analysis.ts, docs/decisions/0092).
 *
 * 1. Every analysis before the revision was recorded.
 * 2. STEP and BREP parts' FDM layer profiles on welded faces (decision 0081: their FDM prices fell by up
 *    to 62 %); flat plates drawn as meshes priced as laser cutting, a cut-off STL reported as damaged,
 *    body shares ≤ 1 (decision 0086); modelled threads found, their machining quoted by a person (0093).
 * 3. Mesh corners within 2^-40 of zero read as 0 (decision 0103): SolidWorks STLs whose seams were refused
 *    as open surfaces, or priced with holes "closed", are read closed as drawn; DXF splines, ellipses and
 *    blocks are cut (a spline hole was left out before).
 * 4. Mesh holes that touch at a corner are closed (decision 0109): such meshes were refused as open
 *    surfaces (assimp's sphereWithHole) or priced without the open body. A file of several separate parts
 *    is priced as the set of its parts, each from its own stock or flat blank with the setups it needs
 *    alone (decision 0110); rational DXF splines are cut with their weights. Wall rays of a file of several
 *    bodies test only their own body's triangles (decision 0106): walls beside a touching part end at the
 *    part's own face.
 * 5. Each sheet part of a file of several gets the sheet-metal rules a single sheet part gets, and each
 *    part its own blank and process (laser cut, cut and bent, milled) even beside a part that is not sheet
 *    (decision 0116): such sets gained findings (a hole near a bend, a hole under one thickness) that
 *    warn or send the quote to an engineer.
 *    Open surfaces beside a part no longer stand on the build plate nor in FDM's layers (decision 0114:
 *    their height and box were priced); a part thinner overall than a process's least wall (drawn in
 *    metres, read as mm) is no additive process's to make as drawn.
 * 6. Nor milling's (decision 0122): a part thinner overall than 0.5 mm is refused by milling, where it
 *    was priced as a block (€136 for a 0.06 mm robot link drawn in metres).
 * 7. FDM lays a part where its support volume is least, not its supported area (decision 0124: a
 *    faceplate stood on its edge printed twice as long as lying flat); open pieces of surface lying on or
 *    in a solid (what is left where bodies exported touching meet) are removed, where a two-colour print's
 *    faceplate was reported as "242 bodies … open surfaces that cannot be made".
 *    Mesh seams whose sides split an edge differently (T-junctions) are joined (decision 0125): a boss
 *    meeting its block that way was left out as an open surface (trimesh's featuretype.3MF: 8.5 % of the
 *    volume and 9.5 mm of the height missing).
 */
export const analysisResultsRevision = 7;
