import { AppError } from "../errors/app-error";
import { complaintPhotoType } from "./complaint-photo-type";

export const maxComplaintPhotos = 5;
export const maxComplaintPhotoBytes = 10 * 1024 * 1024;

/**
 * The photos of a complaint or of the partner's answer: empty file inputs dropped, at most five, JPEG,
 * PNG, WebP or HEIC of 10 MB each. The type is read from each file's first bytes (complaintPhotoType, as
 * the photo route serves it), not from what the browser claimed: a renamed document is refused here
 * instead of showing operations a broken image, and a HEIC the browser gave no type is kept. Checked
 * before anything is stored, so a refusal leaves nothing behind.
 */
export async function checkComplaintPhotos(files: File[]): Promise<File[]> {
  const photos = files.filter((photo) => photo.size > 0);
  if (photos.length > maxComplaintPhotos)
    throw new AppError("validation_failed", `Attach at most ${maxComplaintPhotos} photos.`, {
      field: "photos",
    });
  for (const photo of photos) {
    if (photo.size > maxComplaintPhotoBytes)
      throw new AppError(
        "validation_failed",
        `"${photo.name}" is larger than 10 MB; attach a smaller photo.`,
        {
          field: "photos",
        },
      );
    const head = new Uint8Array(await photo.slice(0, 16).arrayBuffer());
    if (!complaintPhotoType(head))
      throw new AppError(
        "validation_failed",
        `"${photo.name}" is not a photo; attach JPEG, PNG, WebP or HEIC.`,
        {
          field: "photos",
        },
      );
  }
  return photos;
}
