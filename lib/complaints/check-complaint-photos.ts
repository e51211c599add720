import { AppError } from "../errors/app-error";
import { complaintPhotoType } from "./complaint-photo-type";
import { complaintPhotosRefusal } from "./complaint-photo-limits";

/**
 * The photos of a complaint or of the partner's answer: empty file inputs dropped, at most five, JPEG,
 * PNG, WebP or HEIC of 10 MB each. The type is read from each file's first bytes (complaintPhotoType, as
 * the photo route serves it), not from what the browser claimed: a renamed document is refused here
 * instead of showing operations a broken image, and a HEIC the browser gave no type is kept. Checked
 * before anything is stored, so a refusal leaves nothing behind.
 */
export async function checkComplaintPhotos(files: File[]): Promise<File[]> {
  const refusal = complaintPhotosRefusal(files);
  if (refusal) throw new AppError("validation_failed", refusal, { field: "photos" });
  const photos = files.filter((photo) => photo.size > 0);
  for (const photo of photos) {
    const head = new Uint8Array(await photo.slice(0, 16).arrayBuffer());
    if (!complaintPhotoType(head))
      throw new AppError(
        "validation_failed",
        `"${photo.name}" is not a photo; attach JPEG, PNG, WebP or HEIC.`,
        { field: "photos" },
      );
  }
  return photos;
}
