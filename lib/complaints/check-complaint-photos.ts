import { AppError } from "../errors/app-error";

export const maxComplaintPhotos = 5;
export const maxComplaintPhotoBytes = 10 * 1024 * 1024;
const photoTypes = new Set(["image/jpeg", "image/png", "image/webp", "image/heic"]);

/**
 * The photos of a complaint or of the partner's answer: empty file inputs dropped, at most five, JPEG,
 * PNG, WebP or HEIC of 10 MB each. Checked before anything is stored, so a refusal leaves nothing behind.
 */
export function checkComplaintPhotos(files: File[]): File[] {
  const photos = files.filter((photo) => photo.size > 0);
  if (photos.length > maxComplaintPhotos)
    throw new AppError("validation_failed", `Attach at most ${maxComplaintPhotos} photos.`, {
      field: "photos",
    });
  for (const photo of photos) {
    if (!photoTypes.has(photo.type))
      throw new AppError(
        "validation_failed",
        `"${photo.name}" is not a photo; attach JPEG, PNG, WebP or HEIC.`,
        {
          field: "photos",
        },
      );
    if (photo.size > maxComplaintPhotoBytes)
      throw new AppError(
        "validation_failed",
        `"${photo.name}" is larger than 10 MB; attach a smaller photo.`,
        {
          field: "photos",
        },
      );
  }
  return photos;
}
