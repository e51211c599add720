import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkBeforeSending } from "./check-before-sending";

const fixture = (name: string, as: string) => new File([readFileSync(`tests/fixtures/cad/${name}`)], as);

describe("a file checked in the browser before it is sent", () => {
  it("is read by its content when its name has no CAD extension, and the row says how", async () => {
    // Walk6: trimesh's box_sides.STEP saved as "box_sides" was refused for its name (decision 0110).
    expect(await checkBeforeSending(fixture("trimesh_box_sides.step", "box_sides"), 100e6)).toEqual({
      note: "Read as STEP (the name had no extension).",
    });
    expect(await checkBeforeSending(fixture("far_from_origin_cube10_binary.stl", "cube.bin"), 100e6)).toEqual(
      {
        note: "Read as STL (.bin is no CAD extension).",
      },
    );
    expect(await checkBeforeSending(fixture("occt_cube10x10.igs", "cube.igs"), 100e6)).toEqual({});
  });

  it("refuses a file whose content is no CAD format, naming the formats it reads", async () => {
    const notes = new File(["Meeting notes\n".repeat(400)], "notes.txt");
    expect((await checkBeforeSending(notes, 100e6)).refusal).toMatch(
      /^Not a CAD file we read: its content is not STEP, IGES, BREP, STL, OBJ, 3MF or DXF\./,
    );
  });

  it("names a CAD program's own file by its extension, with what to export from it", async () => {
    const part = new File(
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
      "Halter.SLDPRT",
    );
    expect((await checkBeforeSending(part, 100e6)).refusal).toMatch(
      /^"Halter.SLDPRT" is a SolidWorks file, .*export the part from SolidWorks as STEP/,
    );
  });
});
