import { formatEuros } from "@/lib/money/format-euros";
import { describeAnalysisProgress, type AnalysisProgress } from "@/lib/parts/describe-analysis-progress";
import { processNames, type ManufacturingProcess } from "@/quoting-engine/catalogue/catalogue";
import partUploadStyles from "@/app/_components/part-upload/part-upload.module.css";
import styles from "./part.module.css";

/** The cheapest price from the measurement before features (docs/decisions/0049). */
export interface PreliminaryPrice {
  totalWithSurchargeCents: number;
  process: ManufacturingProcess;
}

/**
 * While the part is analysed: where it stands from the real engine steps ("Waiting: 2 files ahead",
 * "Finding features…"), and once the exact measurement exists its first price, marked preliminary:
 * features and rules may still change it, and it cannot be ordered until they are done.
 */
export function AnalysisProgressCard({
  progress,
  fraction,
  preliminary,
}: {
  progress: AnalysisProgress;
  fraction: number;
  preliminary: PreliminaryPrice | null;
}) {
  return (
    <>
      <p data-testid="analysis-stage">
        <strong>{describeAnalysisProgress(progress)}</strong>
      </p>
      <div className={`${partUploadStyles.progress} ${partUploadStyles.analysing}`} aria-hidden="true">
        <span style={{ width: `${Math.round(fraction * 100)}%` }} />
      </div>
      {preliminary && (
        <div className={styles.preliminaryPrice} data-testid="preliminary-price">
          <p>
            Preliminary price: from <strong>{formatEuros(preliminary.totalWithSurchargeCents)}</strong> per
            part ({processNames[preliminary.process]}), from the exact volume, area and size.
          </p>
          <p className="muted">
            Features and manufacturing rules are still being checked; the price may change, and you can order
            once they are done.
          </p>
        </div>
      )}
    </>
  );
}
