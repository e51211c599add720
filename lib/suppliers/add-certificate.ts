import { Readable } from "node:stream";
import { z } from "zod";
import { certificateNames } from "../catalogue/certificate-names";
import { CertificateKind } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { quoteDay } from "../quotes/quote-day";
import type { FileStorage } from "../storage/file-storage";
import { assertSupplierAdmin, type SupplierEditor } from "./assert-supplier-admin";
import { isoDayField } from "./profile-fields";
import { formatIsoDay } from "@/lib/dates/format-day";
import { uploadFileRules } from "../forms/upload-file-rules";
import { whenFieldsParsed } from "../forms/when-fields-parsed";

export const certificateKindLabels = {
  ...certificateNames,
  OTHER: "Other certificate",
} as const satisfies Record<CertificateKind, string>;

export const maxCertificateFileBytes = uploadFileRules.scan.maxBytes;

/** The file types a certificate scan may have, with the first bytes every such file starts with. */
export const certificateFileTypes = {
  "application/pdf": { extensions: [".pdf"], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  "image/png": { extensions: [".png"], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  "image/jpeg": { extensions: [".jpg", ".jpeg"], magic: [0xff, 0xd8, 0xff] },
} as const;

type CertificateFileType = keyof typeof certificateFileTypes;

function isCertificateFileType(type: string): type is CertificateFileType {
  return Object.hasOwn(certificateFileTypes, type);
}

const certificateSchema = z
  .object({
    kind: z.enum(CertificateKind, { error: "Choose which certificate this is." }),
    number: z
      .string({ error: "Enter the certificate number as printed on it." })
      .trim()
      .min(2, "Enter the certificate number as printed on it.")
      .max(60, "Keep the certificate number under 60 characters."),
    issuer: z
      .string({ error: "Enter who issued it, e.g. TÜV SÜD or DNV." })
      .trim()
      .min(2, "Enter who issued it, e.g. TÜV SÜD or DNV.")
      .max(120, "Keep the issuer under 120 characters."),
    validFrom: isoDayField("Enter the day the certificate is valid from."),
    validUntil: isoDayField("Enter the day the certificate expires."),
  })
  .superRefine(
    (certificate, ctx) => {
      if (certificate.validUntil < certificate.validFrom)
        ctx.addIssue({
          code: "custom",
          path: ["validUntil"],
          message: "The expiry day must be on or after the day it is valid from.",
        });
    },
    whenFieldsParsed("validFrom", "validUntil"),
  );

export type CertificateInput = z.input<typeof certificateSchema>;

/**
 * A scan is checked before anything is stored: PDF, PNG or JPEG by its declared type and by its first
 * bytes (a renamed file is refused), at most 10 MB. Returns null when no file was chosen.
 */
export async function checkedScan(file: File | null | undefined, what = "the certificate") {
  if (!file || file.size === 0) return null;
  const refuse = (message: string) => new AppError("validation_failed", message, { field: "file" });
  const type = file.type;
  if (!isCertificateFileType(type))
    throw refuse(`"${file.name}" is not a PDF, PNG or JPEG file; attach ${what} as one of those.`);
  if (file.size > maxCertificateFileBytes)
    throw refuse(`"${file.name}" is larger than 10 MB; attach a smaller file.`);
  const { magic, extensions } = certificateFileTypes[type];
  const head = new Uint8Array(await file.slice(0, magic.length).arrayBuffer());
  if (!magic.every((byte, index) => head[index] === byte))
    throw refuse(
      `"${file.name}" is not a readable ${extensions[0].slice(1).toUpperCase()} file; attach the original.`,
    );
  // The stored name ends in the type's extension, so the download is served with the type checked here.
  const baseName = (file.name.split(/[\\/]/).pop() ?? "").trim().slice(0, 120) || "document";
  const fileName = extensions.some((extension) => baseName.toLowerCase().endsWith(extension))
    ? baseName
    : `${baseName}${extensions[0]}`;
  return { file, type, fileName };
}

/**
 * Adds a certificate with an optional scan of it. The matcher counts certificates valid on the day it
 * matches, for orders that require them; an already expired certificate is refused. Admins only.
 */
export async function addCertificate(
  deps: { db: Database; storage: FileStorage },
  editor: SupplierEditor,
  input: { fields: unknown; file?: File | null },
  now = new Date(),
) {
  assertSupplierAdmin(editor, "add certificates");
  const today = quoteDay(now);
  // An expired certificate is refused with the form's other errors, in one round.
  const certificate = certificateSchema
    .superRefine((fields, ctx) => {
      if (fields.validUntil < today)
        ctx.addIssue({
          code: "custom",
          path: ["validUntil"],
          message: `This certificate expired on ${formatIsoDay(fields.validUntil)}; add the renewed one.`,
        });
    }, whenFieldsParsed("validUntil"))
    .parse(input.fields);
  const scan = await checkedScan(input.file);
  const stored = scan
    ? await deps.storage.put(Readable.fromWeb(scan.file.stream() as never), {
        maxBytes: maxCertificateFileBytes,
        contentType: scan.type,
      })
    : null;
  const companyId = editor.companyId;
  return deps.db.$transaction(async (tx) => {
    const created = await tx.certificate.create({
      data: {
        companyId,
        kind: certificate.kind,
        number: certificate.number,
        issuer: certificate.issuer,
        validFrom: new Date(`${certificate.validFrom}T00:00:00Z`),
        validUntil: new Date(`${certificate.validUntil}T00:00:00Z`),
        storageKey: stored?.key ?? null,
        fileName: scan?.fileName ?? null,
      },
    });
    await recordAuditLog(tx, {
      actorUserId: editor.userId,
      companyId,
      action: "supplier.certificate.add",
      entityType: "Company",
      entityId: companyId,
      data: { certificateId: created.id, ...certificate, fileName: scan?.fileName ?? null },
    });
    return created;
  });
}
