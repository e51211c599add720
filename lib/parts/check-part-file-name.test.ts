import { describe, expect, it } from "vitest";
import { checkPartFileName } from "./check-part-file-name";

describe("the name of an uploaded CAD file", () => {
  it("refuses a zipped CAD file with what to do instead of a list of formats", () => {
    // trimesh's models/ascii.stl.zip (MIT), uploaded in the decision-0084 walk, got "not a CAD file we read".
    for (const name of ["ascii.stl.zip", "bracket.STEP.ZIP", "parts.7z", "export.tar.gz"])
      expect(() => checkPartFileName(name)).toThrow(
        expect.objectContaining({
          code: "unsupported_media_type",
          message: expect.stringMatching(
            /archive: a part is one CAD file.*Unpack it and upload the CAD files inside/,
          ),
        }),
      );
  });

  it("keeps the last path segment of a name with folders, in any case", () => {
    expect(checkPartFileName("../../etc/passwd.stl")).toEqual({ fileName: "passwd.stl" });
    expect(checkPartFileName("C:\\parts\\Bracket.STEP")).toEqual({ fileName: "Bracket.STEP" });
  });

  it("lets a name without a CAD extension through: the content tells the format after upload", () => {
    // Walk6: trimesh's box_sides.STEP saved as "box_sides" was refused for its name (decision 0110).
    for (const name of ["box_sides", "Halter Rev B", "part.", "notes.txt"])
      expect(checkPartFileName(name)).toEqual({ fileName: name });
  });

  it("names a CAD program's own file and says to export STEP from it, instead of calling it no CAD file", () => {
    // Walk7: FreeCAD's Exercise3D-01.FCStd (FreeCAD/Examples) was refused as "not a CAD file we read".
    const refusal = (name: string) => {
      try {
        checkPartFileName(name);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      return null;
    };
    expect(refusal("Page_060_Exercise3D-01_byHannu.fcstd")).toBe(
      '"Page_060_Exercise3D-01_byHannu.fcstd" is a FreeCAD file, which we cannot open: export the part from FreeCAD as STEP (best) or STL and upload that.',
    );
    expect(refusal("Halter.SLDPRT")).toMatch(
      /^"Halter.SLDPRT" is a SolidWorks file, .*export the part from SolidWorks as STEP/,
    );
    expect(refusal("housing.ipt")).toMatch(/is an Autodesk Inventor file/);
    expect(refusal("flange.x_t")).toMatch(/is a Parasolid file/);
    expect(refusal("plan.dwg")).toMatch(/is an AutoCAD drawing, .*save it as DXF/);
    expect(refusal("scan.ply")).toMatch(/is a PLY mesh, .*export it as STL/);
    // A kind that is never a part is refused before a byte is stored; any other name passes, and its
    // content is read after upload (decision 0110).
    expect(refusal("Zeichnung Halter.pdf")).toMatch(
      /^"Zeichnung Halter.pdf" is a PDF document, not a CAD part: upload the part as STEP/,
    );
    expect(refusal("photo.JPG")).toMatch(/is an image, not a CAD part/);
    expect(refusal("notes.docx")).toMatch(/is a text document, not a CAD part/);
    expect(refusal("notes.txt")).toBeNull();
    expect(refusal("bracket.bin")).toBeNull();
  });
});
