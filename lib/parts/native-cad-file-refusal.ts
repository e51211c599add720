/** CAD programs' own file formats (and meshes we do not read), by extension, with what to export instead. */
const nativeFormats: [pattern: RegExp, kind: string, program: string, exportAs?: string][] = [
  [/\.(sldprt|sldasm)$/i, "a SolidWorks file", "SolidWorks"],
  [/\.(ipt|iam)$/i, "an Autodesk Inventor file", "Inventor"],
  [/\.f3d$/i, "a Fusion 360 file", "Fusion 360"],
  [/\.(catpart|catproduct)$/i, "a CATIA file", "CATIA"],
  [/\.(prt|asm)(\.\d+)?$/i, "a Creo or NX part file", "Creo or NX"],
  [/\.(par|psm)$/i, "a Solid Edge file", "Solid Edge"],
  [/\.fcstd$/i, "a FreeCAD file", "FreeCAD"],
  [/\.3dm$/i, "a Rhino file", "Rhino"],
  [/\.skp$/i, "a SketchUp file", "SketchUp"],
  [/\.scad$/i, "an OpenSCAD script", "OpenSCAD", "STL or 3MF (render it first)"],
  [/\.(x_t|x_b)$/i, "a Parasolid file", "your CAD program"],
  [/\.(sat|sab)$/i, "an ACIS file", "your CAD program"],
  [/\.jt$/i, "a JT file", "your CAD program"],
];

const meshFormats = /\.(ply|off|3ds|fbx|glb|gltf|dae|blend|amf|wrl|vrml)$/i;

/**
 * Why a CAD program's own file (or a mesh format we do not read) cannot be uploaded, naming the program and
 * what to export from it, or null for another name. "Not a CAD file we read" is untrue of a SolidWorks part
 * and says nothing a buyer can act on (walk7). Checked in the browser and by the server (check-part-file-name.ts).
 */
export function nativeCadFileRefusal(fileName: string): string | null {
  if (/\.dwg$/i.test(fileName))
    return `"${fileName}" is an AutoCAD drawing, which we cannot open: save it as DXF for a flat laser-cut part, or export the 3D part as STEP.`;
  if (meshFormats.test(fileName)) {
    const kind = fileName.slice(fileName.lastIndexOf(".") + 1).toUpperCase();
    return `"${fileName}" is a ${kind} mesh, which we do not read: export it as STL, OBJ or 3MF (or the part as STEP from its CAD program) and upload that.`;
  }
  const native = nativeFormats.find(([pattern]) => pattern.test(fileName));
  if (!native) return null;
  const [, kind, program, exportAs = "STEP (best) or STL"] = native;
  return `"${fileName}" is ${kind}, which we cannot open: export the part from ${program} as ${exportAs} and upload that.`;
}
