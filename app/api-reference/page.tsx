import type { Metadata } from "next";
import Link from "next/link";
import { appErrorCodes } from "@/lib/errors/app-error";
import { httpStatusForErrorCode } from "@/lib/errors/http-status-for-error-code";
import { buildOpenApiDocument } from "@/lib/public-api/openapi-document";
import { problemTypeFor } from "@/lib/public-api/problem-response";
import { SchemaFields, refName, typeWords, type JsonSchema } from "./schema-view";
import styles from "./api-reference.module.css";

export const metadata: Metadata = { title: "API reference" };

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema };
type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
};

const methods = ["get", "post", "put", "patch", "delete"] as const;

/**
 * The public API's reference (issue 24, decision 0059), rendered by us from the same OpenAPI document
 * that /api/v1/openapi.json serves: no script or stylesheet from elsewhere. Public, like the document.
 */
export default function ApiReferencePage() {
  const document = buildOpenApiDocument() as unknown as {
    info: { title: string; description?: string };
    paths: Record<string, Partial<Record<(typeof methods)[number], Operation>>>;
    components: { schemas?: Record<string, JsonSchema> };
  };
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    methods.flatMap((method) => (item[method] ? [{ path, method, operation: item[method] }] : [])),
  );
  const tags = [...new Set(operations.map((entry) => entry.operation.tags?.[0] ?? "Other"))];
  const schemas = Object.entries(document.components.schemas ?? {});
  return (
    <div className={styles.reference}>
      <h1>{document.info.title}</h1>
      <p>{document.info.description}</p>
      <p>
        The machine-readable document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
        Keys are created on the team page (<Link href="/team">buyers</Link>,{" "}
        <Link href="/supplier/team">partners</Link>).
      </p>
      <nav aria-label="Operations" className={styles.toc}>
        {tags.map((tag) => (
          <div key={tag}>
            <h2 className={styles.tocHeading}>{tag}</h2>
            <ul>
              {operations
                .filter((entry) => (entry.operation.tags?.[0] ?? "Other") === tag)
                .map(({ operation }) => (
                  <li key={operation.operationId}>
                    <a href={`#${operation.operationId}`}>{operation.summary ?? operation.operationId}</a>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </nav>

      <section className="card" aria-labelledby="basics">
        <h2 id="basics">Basics</h2>
        <ul>
          <li>
            <strong>Authentication:</strong> <code>Authorization: Bearer iqk_…</code>. Each key has scopes; an
            operation names the one it needs. No or a revoked key: 401; a missing scope: 403.
          </li>
          <li>
            <strong>Idempotency:</strong> every POST needs an <code>Idempotency-Key</code> header (e.g. a
            UUID). Sending the same key and body again returns the first answer (header{" "}
            <code>Idempotent-Replayed: true</code>); the same key with another body is refused with 409. Keys
            are kept for 24 hours.
          </li>
          <li>
            <strong>Limits:</strong> each key has its requests per minute; above it the answer is 429 with{" "}
            <code>Retry-After</code> (seconds). <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code>{" "}
            and <code>RateLimit-Reset</code> come with every answer.
          </li>
          <li>
            <strong>Pages:</strong> lists take <code>?cursor=…&amp;limit=…</code> (1–100, default 25) and
            answer <code>{"{ data, next_cursor }"}</code>; <code>next_cursor</code> is null on the last page.
          </li>
          <li>
            <strong>Errors</strong> are <code>application/problem+json</code> (RFC 9457) with{" "}
            <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code>,{" "}
            <code>instance</code> and our <code>code</code> (see <a href="#problems">problems</a>).
          </li>
        </ul>
      </section>

      {operations.map(({ path, method, operation }) => (
        <section
          key={operation.operationId}
          id={operation.operationId}
          className={`card ${styles.operation}`}
        >
          <h2>
            <span className={styles.method}>{method.toUpperCase()}</span>{" "}
            <code className={styles.path}>{path}</code>
          </h2>
          <p>
            <strong>{operation.summary}</strong> <span className="muted">({operation.operationId})</span>
          </p>
          {operation.description
            ?.replaceAll("`", "")
            .split("\n\n")
            .map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          {operation.parameters && operation.parameters.length > 0 && (
            <>
              <h3>Parameters</h3>
              <ul>
                {operation.parameters.map((parameter) => (
                  <li key={`${parameter.in}-${parameter.name}`}>
                    <code>{parameter.name}</code> ({parameter.in}
                    {parameter.required ? ", required" : ""}):{" "}
                    {parameter.schema ? typeWords(parameter.schema) : ""}
                    {parameter.description ? <span className="muted"> · {parameter.description}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          )}
          {operation.requestBody && (
            <>
              <h3>Body</h3>
              {Object.entries(operation.requestBody.content).map(([type, { schema }]) => (
                <div key={type}>
                  <code>{type}</code>
                  {refName(schema) ? (
                    <>
                      {" "}
                      <a href={`#schema-${refName(schema)}`}>{refName(schema)}</a>
                    </>
                  ) : (
                    <SchemaFields schema={schema} />
                  )}
                </div>
              ))}
            </>
          )}
          <h3>Answers</h3>
          <ul>
            {Object.entries(operation.responses).map(([status, response]) => (
              <li key={status}>
                <strong>{status}</strong> {response.description}{" "}
                {Object.entries(response.content ?? {}).map(([type, { schema }]) => (
                  <span key={type} className="muted">
                    <code>{type}</code>{" "}
                    {refName(schema) ? (
                      <a href={`#schema-${refName(schema)}`}>{refName(schema)}</a>
                    ) : (
                      typeWords(schema)
                    )}{" "}
                  </span>
                ))}
                {status.startsWith("2") &&
                  Object.values(response.content ?? {}).map(({ schema }, index) =>
                    refName(schema) ? null : <SchemaFields key={index} schema={schema} />,
                  )}
              </li>
            ))}
          </ul>
        </section>
      ))}

      <section className="card" aria-labelledby="schemas">
        <h2 id="schemas">Schemas</h2>
        {schemas.map(([name, schema]) => (
          <div key={name} id={`schema-${name}`} className={styles.schema}>
            <h3>{name}</h3>
            <SchemaFields schema={schema} />
          </div>
        ))}
      </section>

      <section className="card" aria-labelledby="problems">
        <h2 id="problems">Problems</h2>
        <p>
          Each problem&apos;s <code>type</code> points here; <code>detail</code> says what to do.
        </p>
        <ul>
          {appErrorCodes.map((code) => (
            <li key={code} id={problemTypeFor(code).split("#")[1]}>
              <code>{code}</code> ({httpStatusForErrorCode[code]})
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
