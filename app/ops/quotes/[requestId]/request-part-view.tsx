"use client";

import { useMemo, useState } from "react";
import { FindingButton } from "@/app/_components/part-viewer/finding-button";
import { PartViewer, type HighlightGroup } from "@/app/_components/part-viewer/part-viewer";
import findingsStyles from "@/app/_components/findings.module.css";

const red: [number, number, number] = [0.86, 0.2, 0.17];
const amber: [number, number, number] = [0.96, 0.62, 0.1];
const blue: [number, number, number] = [0.12, 0.37, 0.82];

export interface RequestFinding {
  id: string;
  code: string;
  severity: "error" | "warning";
  message: string;
  faces: number[];
}

/**
 * The requested part in 3D with the engine's findings for the requested process painted on it (red:
 * no instant price as drawn: cannot be made, or quoted by an engineer; amber: extra cost or risk); a
 * finding clicked in the list marks its faces.
 */
export function RequestPartView({
  meshUrl,
  fileName,
  processName,
  findings,
  unreadable = false,
}: {
  meshUrl: string | null;
  fileName: string;
  processName: string;
  findings: RequestFinding[];
  /** The engine could not read the file: it checked nothing, which "no findings" would hide (walk6). */
  unreadable?: boolean;
}) {
  const [selected, setSelected] = useState<string | null>(null);
  const highlights = useMemo<HighlightGroup[]>(() => {
    const groups: HighlightGroup[] = [
      { faces: findings.filter((f) => f.severity === "warning").flatMap((f) => f.faces), colour: amber },
      { faces: findings.filter((f) => f.severity === "error").flatMap((f) => f.faces), colour: red },
    ];
    const chosen = findings.find((finding) => finding.id === selected);
    if (chosen) groups.push({ faces: chosen.faces, colour: blue });
    return groups;
  }, [findings, selected]);
  return (
    <>
      {meshUrl ? (
        <PartViewer meshUrl={meshUrl} highlights={highlights} label={`3D view of ${fileName}`} />
      ) : (
        <p className="card muted">
          {unreadable
            ? "This part has no 3D view: the engine could not read its file."
            : "This part has no 3D view: its analysis did not finish."}
        </p>
      )}
      <section aria-labelledby="findings-heading" className="card findings">
        <h2 id="findings-heading">The engine&apos;s findings for {processName}</h2>
        {unreadable ? (
          <p className="muted">
            None: the engine could not read the file, so it checked nothing for {processName}. Its reason is
            under &ldquo;Why the engine did not price it&rdquo;.
          </p>
        ) : findings.length === 0 ? (
          <p className="muted">No manufacturability findings for {processName}.</p>
        ) : (
          <ul className={findingsStyles.findingList}>
            {findings.map((finding) => (
              <li key={finding.id}>
                <FindingButton
                  finding={finding}
                  selected={selected === finding.id}
                  onToggle={() => setSelected(selected === finding.id ? null : finding.id)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
