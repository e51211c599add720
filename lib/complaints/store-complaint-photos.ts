import { Readable } from "node:stream";
import type { FileStorage } from "../storage/file-storage";
import { maxComplaintPhotoBytes } from "./complaint-photo-limits";

/** Stores checked photos (checkComplaintPhotos) and returns their storage keys, in order. */
export async function storeComplaintPhotos(storage: FileStorage, photos: File[]): Promise<string[]> {
  const keys: string[] = [];
  for (const photo of photos) {
    const stored = await storage.put(Readable.fromWeb(photo.stream() as never), {
      maxBytes: maxComplaintPhotoBytes,
      contentType: photo.type,
    });
    keys.push(stored.key);
  }
  return keys;
}
