import { formatMoment } from "@/app/_components/format-dates";

/**
 * Under "Analysing the geometry": when the analysis ends at the latest (its size-scaled time budget,
 * docs/decisions/0046), and once that has passed, that the file is safe and analysed again after a restart.
 */
export function AnalysisDeadline({ deadline, now = new Date() }: { deadline: Date | null; now?: Date }) {
  if (!deadline) return null;
  return deadline < now ? (
    <p className="muted" data-testid="analysis-overdue">
      Taking longer than expected: if the service restarted, the file is analysed again in a moment. Your file
      is safe.
    </p>
  ) : (
    <p className="muted" data-testid="analysis-deadline">
      At the latest by {formatMoment(deadline)}.
    </p>
  );
}
