import { analysisStages, type AnalysisStage } from "../../quoting-engine/analysis/analysis-stage";

/** Where a file stands, as the upload row and the part page say it (docs/decisions/0049). */
export interface AnalysisProgress {
  /** The engine's step, while it runs; "pricing" once the analysis is stored and the price is asked. */
  stage?: AnalysisStage | "pricing";
  /** Waiting files the workers take first (null or absent: not waiting). */
  filesAhead?: number | null;
}

const stageLabels: Record<AnalysisStage | "pricing", string> = {
  reading: "Reading the file",
  measuring: "Measuring volume, area and size",
  finding_features: "Finding features",
  checking_rules: "Checking manufacturing rules",
  pricing: "Pricing",
};

/** "2 files ahead", "Reading the file", …: the row's label. */
export function describeAnalysisProgress(progress: AnalysisProgress): string {
  if (progress.stage) return `${stageLabels[progress.stage]}…`;
  if (progress.filesAhead === undefined || progress.filesAhead === null) return "Starting the analysis…";
  if (progress.filesAhead === 0) return "Next in line";
  return progress.filesAhead === 1 ? "Waiting: 1 file ahead" : `Waiting: ${progress.filesAhead} files ahead`;
}

/** How far along, 0..1, from the real step (not a guess from the file's size). */
export function analysisProgressFraction(progress: AnalysisProgress): number {
  if (progress.stage === "pricing") return 0.95;
  if (!progress.stage) return 0.05;
  return 0.15 + (analysisStages.indexOf(progress.stage) / analysisStages.length) * 0.8;
}

/** A stage read from the database or the API: one of the engine's, or none. */
export function asAnalysisStage(value: unknown): AnalysisStage | undefined {
  return analysisStages.find((stage) => stage === value);
}
