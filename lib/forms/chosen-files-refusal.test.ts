import { describe, expect, it } from "vitest";
import { chosenFilesRefusal } from "./chosen-files-refusal";
import { uploadFileRules } from "./upload-file-rules";

const megabytes = (count: number) => Math.round(count * 1024 * 1024);

describe("chosenFilesRefusal with the forms' rules", () => {
  it("refuses a drawing over 20 MB or of a type the server does not read, with the server's words", () => {
    expect(chosenFilesRefusal([{ name: "plan.pdf", size: megabytes(21) }], uploadFileRules.drawing)).toBe(
      '"plan.pdf" is larger than 20 MB; attach a smaller file.',
    );
    expect(chosenFilesRefusal([{ name: "plan.docx", size: 2000 }], uploadFileRules.drawing)).toBe(
      '"plan.docx" is not a drawing we read; attach PDF, DXF, DWG or an image.',
    );
    expect(
      chosenFilesRefusal([{ name: "PLAN.TIF", size: megabytes(19.9) }], uploadFileRules.drawing),
    ).toBeNull();
  });

  it("refuses a scan by its declared type and size, and takes no file at all", () => {
    expect(
      chosenFilesRefusal([{ name: "iso.docx", size: 900, type: "application/msword" }], uploadFileRules.scan),
    ).toBe('"iso.docx" is not a PDF, PNG or JPEG file; attach one of those.');
    expect(
      chosenFilesRefusal(
        [{ name: "iso.pdf", size: megabytes(10.5), type: "application/pdf" }],
        uploadFileRules.scan,
      ),
    ).toBe('"iso.pdf" is larger than 10 MB; attach a smaller file.');
    expect(chosenFilesRefusal([{ name: "", size: 0, type: "" }], uploadFileRules.scan)).toBeNull();
  });

  it("counts files where an input takes several, and says what to do with a long statement", () => {
    const photos = Array.from({ length: 6 }, (_, index) => ({ name: `p${index}.jpg`, size: 1000 }));
    expect(chosenFilesRefusal(photos, uploadFileRules.complaintPhotos)).toBe("Attach at most 5 photos.");
    expect(chosenFilesRefusal(photos.slice(0, 5), uploadFileRules.complaintPhotos)).toBeNull();
    expect(
      chosenFilesRefusal([{ name: "camt.xml", size: megabytes(12) }], uploadFileRules.bankStatement),
    ).toBe('"camt.xml" is larger than 10 MB; export a shorter period.');
    expect(
      chosenFilesRefusal([{ name: "report.pdf", size: megabytes(10.1) }], uploadFileRules.qualityDocument),
    ).toBe('"report.pdf" is larger than 10 MB; attach a smaller file.');
  });
});
