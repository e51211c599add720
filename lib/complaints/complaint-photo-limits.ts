export const maxComplaintPhotos = 5;
export const maxComplaintPhotoBytes = 10 * 1024 * 1024;

/**
 * Why these chosen photos cannot be sent (more than five, or one over 10 MB), or null. Pure, so the
 * browser checks the choice before it posts (complaint-photos-field.tsx) with the server's own words: six
 * large photos were more than a form may carry (55 MB), and the post failed with an error page that lost
 * the typed text. Empty file inputs do not count.
 */
export function complaintPhotosRefusal(photos: readonly { name: string; size: number }[]): string | null {
  const chosen = photos.filter((photo) => photo.size > 0);
  if (chosen.length > maxComplaintPhotos) return `Attach at most ${maxComplaintPhotos} photos.`;
  const tooLarge = chosen.find((photo) => photo.size > maxComplaintPhotoBytes);
  return tooLarge ? `"${tooLarge.name}" is larger than 10 MB; attach a smaller photo.` : null;
}
