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
});
