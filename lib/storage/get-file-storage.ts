import { getEnv } from "../env";
import type { FileStorage } from "./file-storage";
import { createLocalFileStorage } from "./local-file-storage";
import { createS3FileStorage } from "./s3-file-storage";

let storage: FileStorage | undefined;

/** The configured store: STORAGE_DRIVER=local (default, under STORAGE_LOCAL_DIR) or s3. */
export function getFileStorage(): FileStorage {
  if (storage) return storage;
  const env = getEnv();
  if (env.STORAGE_DRIVER === "s3") {
    storage = createS3FileStorage({
      bucket: env.S3_BUCKET ?? "",
      client: {
        region: env.S3_REGION,
        endpoint: env.S3_ENDPOINT,
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
        credentials:
          env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
            ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
            : undefined,
      },
    });
  } else {
    storage = createLocalFileStorage(env.STORAGE_LOCAL_DIR);
  }
  return storage;
}
