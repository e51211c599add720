import { describe, expect, it } from "vitest";
import { checkComplaintPhotos } from "./check-complaint-photos";

// Found walking issue 21: a file the browser called image/png but that was HTML was kept as a complaint
// photo, and operations saw a broken image where the buyer's evidence should be. The bytes decide.
const pngBytes = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAEUlEQVR4nGM4ISeHFTEMpAQAaYgwwWSFouIAAAAASUVORK5CYII=",
  "base64",
);
const heicHead = Buffer.from([0, 0, 0, 24, ...Buffer.from("ftypheic"), 0, 0, 0, 0]);

describe("checkComplaintPhotos", () => {
  it("refuses a file whose bytes are not a photo, whatever type the browser claimed", async () => {
    const fake = new File(["<html><script>alert(1)</script></html>"], "pocket.png", { type: "image/png" });
    await expect(checkComplaintPhotos([fake])).rejects.toThrow(
      '"pocket.png" is not a photo; attach JPEG, PNG, WebP or HEIC.',
    );
  });

  it("keeps photos by their bytes, also when the browser named no type (HEIC often has none)", async () => {
    const png = new File([pngBytes], "pocket.png", { type: "image/png" });
    const heic = new File([heicHead], "IMG_0001.HEIC", { type: "" });
    const empty = new File([], "", { type: "application/octet-stream" });
    expect(await checkComplaintPhotos([png, empty, heic])).toEqual([png, heic]);
  });

  it("refuses more than five photos and a photo over 10 MB", async () => {
    const png = () => new File([pngBytes], "p.png", { type: "image/png" });
    await expect(checkComplaintPhotos(Array.from({ length: 6 }, png))).rejects.toThrow("at most 5 photos");
    const huge = new File([pngBytes, new Uint8Array(10 * 1024 * 1024)], "huge.png", { type: "image/png" });
    await expect(checkComplaintPhotos([huge])).rejects.toThrow('"huge.png" is larger than 10 MB');
  });
});
