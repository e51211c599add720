import { chosenFilesRefusal } from "../forms/chosen-files-refusal";
import { uploadFileRules } from "../forms/upload-file-rules";

export const maxComplaintPhotos = uploadFileRules.complaintPhotos.maxFiles;
export const maxComplaintPhotoBytes = uploadFileRules.complaintPhotos.maxBytes;

/**
 * Why these chosen photos cannot be sent (more than five, or one over 10 MB), or null: the shared rule of
 * file inputs (chosen-files-refusal.ts), which the browser checks before it posts with the same words.
 * Empty file inputs do not count.
 */
export function complaintPhotosRefusal(photos: readonly { name: string; size: number }[]): string | null {
  return chosenFilesRefusal(photos, uploadFileRules.complaintPhotos);
}
