import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { AppError } from "../errors/app-error";
import { assertValidKey, keyForSha256, type FileStorage } from "./file-storage";
import { SizeLimitedHashingStream } from "./size-limited-hashing-stream";

export interface S3StorageOptions {
  bucket: string;
  client: S3ClientConfig;
}

/**
 * Any S3-compatible store. The upload streams in 8 MB parts to a temporary key (the hash is known only
 * at the end), is copied to its content-addressed key, and the temporary object is removed; a failed or
 * oversized upload is aborted, so no parts are left behind.
 */
export function createS3FileStorage(options: S3StorageOptions): FileStorage {
  const client = new S3Client(options.client);
  const Bucket = options.bucket;

  return {
    async put(body, { maxBytes, contentType }) {
      const counter = new SizeLimitedHashingStream(maxBytes);
      const temporaryKey = `tmp/${randomUUID()}`;
      const upload = new Upload({
        client,
        params: { Bucket, Key: temporaryKey, Body: body.pipe(counter), ContentType: contentType },
        partSize: 8 * 1024 * 1024,
        queueSize: 2,
        leavePartsOnError: false,
      });
      body.on("error", (error) => counter.destroy(error));
      counter.on("error", () => void upload.abort().catch(() => undefined));
      try {
        await upload.done();
      } catch (error) {
        await client.send(new DeleteObjectCommand({ Bucket, Key: temporaryKey })).catch(() => undefined);
        if (counter.errored instanceof AppError) throw counter.errored;
        throw error;
      }
      const sha256 = counter.sha256();
      const key = keyForSha256(sha256);
      try {
        await client.send(
          new CopyObjectCommand({ Bucket, Key: key, CopySource: `${Bucket}/${temporaryKey}` }),
        );
      } finally {
        await client.send(new DeleteObjectCommand({ Bucket, Key: temporaryKey })).catch(() => undefined);
      }
      return { key, sha256, sizeBytes: counter.sizeBytes };
    },
    async get(key) {
      assertValidKey(key);
      try {
        const result = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!(result.Body instanceof Readable)) throw new Error("S3 returned no stream body");
        return result.Body;
      } catch (error) {
        if ((error as { name?: string }).name === "NoSuchKey")
          throw new AppError("not_found", "The file is no longer in storage.");
        throw error;
      }
    },
    async exists(key) {
      assertValidKey(key);
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch (error) {
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
          return false;
        throw error;
      }
    },
    async delete(key) {
      assertValidKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async probe() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
    async *list() {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: "sha256/", ContinuationToken }),
        );
        for (const object of page.Contents ?? [])
          if (object.Key && object.LastModified) yield { key: object.Key, modifiedAt: object.LastModified };
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}
