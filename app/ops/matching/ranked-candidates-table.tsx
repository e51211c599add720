import Link from "next/link";
import { StackTable } from "@/app/_components/stack-table";
import { badgeClass } from "@/app/_components/status-badge";
import { describeScoreFactors, type RecordedCandidate } from "@/lib/matching/describe-score-factors";
import type { ScoreParts } from "@/lib/matching/score-candidate";
import opsStyles from "../ops.module.css";
import styles from "./matching.module.css";

export interface RankedRow extends RecordedCandidate {
  rank: number;
  companyId: string;
  name: string;
  unflaggedScore?: number;
  flags?: string[];
}

const factorNames = describeScoreFactors(
  { score: 0, distanceKm: null, supplierPriceCents: 0, freeHours: 0, utilisation: 0 },
  undefined,
).map((factor) => factor.label);

/**
 * A match decision's ranked partners with every factor of their score: what was measured, the factor's
 * value from 0 to 1, its weight and what it adds to the total (lib/matching/describe-score-factors.ts).
 */
export function RankedCandidatesTable({
  ranked,
  weights,
}: {
  ranked: RankedRow[];
  weights: Partial<ScoreParts> | undefined;
}) {
  if (ranked.length === 0) return null;
  return (
    <>
      <p className="hint">
        Each factor: what was measured, its value from 0 (worst) to 1 (best)
        {weights
          ? ", × its weight, and what it adds to the total"
          : " (this decision did not record the weights)"}
        .
      </p>
      <StackTable columns={["Rank", "Partner", "Total", ...factorNames]} className={styles.factorTable}>
        {ranked.map((candidate) => (
          <tr key={candidate.companyId} data-testid="ranked-candidate">
            <td data-label="Rank">{candidate.rank}</td>
            <td data-label="Partner">
              <div>
                {candidate.name}
                {candidate.flags && candidate.flags.length > 0 && (
                  <>
                    {" "}
                    <Link
                      href={`/ops/quality/${candidate.companyId}`}
                      className={badgeClass("REJECTED")}
                      title="This partner's quality record"
                      data-testid="flagged-candidate"
                    >
                      flagged
                    </Link>
                    <span className={`hint ${opsStyles.flagReasons}`}>{candidate.flags.join("; ")}</span>
                  </>
                )}
              </div>
            </td>
            <td data-label="Total">
              <div>
                <strong>{candidate.score.toFixed(3)}</strong>
                {candidate.unflaggedScore !== undefined && candidate.unflaggedScore !== candidate.score && (
                  <span className="hint"> (unflagged {candidate.unflaggedScore.toFixed(3)})</span>
                )}
              </div>
            </td>
            {describeScoreFactors(candidate, weights).map((factor) => (
              <td key={factor.name} data-label={factor.label} data-testid={`factor-${factor.name}`}>
                <div>
                  {factor.value === null ? "–" : factor.value.toFixed(2)}
                  {factor.weight !== null && <span className="hint"> × {factor.weight}</span>}
                  {factor.contribution !== null && (
                    <span className="hint"> = +{factor.contribution.toFixed(3)}</span>
                  )}
                  <div className={`hint ${styles.measure}`}>{factor.measure}</div>
                </div>
              </td>
            ))}
          </tr>
        ))}
      </StackTable>
    </>
  );
}
