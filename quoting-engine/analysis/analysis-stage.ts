/**
 * The engine's steps through one file, in order, as `analyzeFile` reports them (`onStage`): the app shows
 * the step a buyer's file is in ("reading", "measuring", …) instead of a guess from the file's size.
 */
export const analysisStages = ["reading", "measuring", "finding_features", "checking_rules"] as const;

export type AnalysisStage = (typeof analysisStages)[number];
