import type { Metadata } from "next";
import Link from "next/link";
import { getPrisma } from "@/lib/db/prisma";
import { orNotFoundPage } from "@/lib/errors/or-not-found-page";
import { currentAnalysis } from "@/lib/parts/current-analysis";
import { findViewablePart } from "@/lib/parts/find-viewable-part";
import { pagePartViewer } from "@/lib/parts/page-part-viewer";
import { partPageSummary } from "@/lib/parts/part-page-summary";
import { loadPricingData } from "@/lib/pricing/load-pricing-data";
import { quoteCatalogue } from "@/lib/pricing/quote-catalogue";
import { listPartManualQuotes } from "@/lib/quotes/list-part-manual-quotes";
import { compareAnalysis, compareStoredPart } from "@/lib/quotes/price-stored-part";
import { getEnv } from "@/lib/env";
import { filesAheadOf } from "@/lib/parts/analysis-queue-order";
import { analysisProgressFraction, asAnalysisStage } from "@/lib/parts/describe-analysis-progress";
import { parsePreliminary, readPreliminaryAnalysis } from "@/lib/parts/preliminary-analysis";
import { AnalysisProgressCard } from "./analysis-progress";
import { PriceSettledNote } from "./price-settled-note";
import { quoteDay } from "@/lib/quotes/quote-day";
import { PageRefresher } from "@/app/_components/page-refresher";
import { ManualQuoteAnswers } from "./manual-quote-answers";
import { PartWorkspace } from "./part-workspace";
import { FailedPartRequest } from "./failed-part-request";
import { AnalysisDeadline } from "./analysis-deadline";
import pageHeadStyles from "@/app/_components/page-head.module.css";

export const metadata: Metadata = { title: "Part" };

export default async function PartPage({
  params,
  searchParams,
}: {
  params: Promise<{ partId: string }>;
  searchParams: Promise<{ withdrawn?: string }>;
}) {
  const { partId } = await params;
  // After a unit switch (docs/decisions/0037): how many open quotes of the old size were withdrawn.
  const withdrawn = Number.parseInt((await searchParams).withdrawn ?? "", 10);
  const withdrawnNotice = withdrawn > 0 && withdrawn < 1000 && (
    <div className="alert warn" role="status">
      {withdrawn === 1 ? "1 quote" : `${withdrawn} quotes`} of the old size {withdrawn === 1 ? "was" : "were"}{" "}
      withdrawn and taken out of your cart. Add the part again at its new size.
    </div>
  );
  const db = getPrisma();
  const viewer = await pagePartViewer();
  const part = await orNotFoundPage(findViewablePart(db, partId, viewer));
  const heading = (
    <div className={pageHeadStyles.pageHead}>
      <h1 className="file-name">{part.originalFileName}</h1>
      <Link href="/">Upload more parts</Link>
    </div>
  );
  if (part.status === "FAILED")
    return (
      <>
        {heading}
        <div className="alert error" role="alert">
          <strong>
            {part.failureCode === "open_surfaces"
              ? "The surfaces do not close into a solid."
              : "This file could not be read."}
          </strong>{" "}
          {part.failureMessage}
        </div>
        <FailedPartRequest
          partId={part.id}
          catalogue={quoteCatalogue((await loadPricingData(db)).data)}
          defaultEmail={viewer.buyer?.email ?? ""}
        />
      </>
    );
  // An analysis an older engine wrote is sent to be analysed again, and the page waits for it.
  const report = await currentAnalysis(db, part);
  if (!report) {
    // Where it stands (docs/decisions/0049): place in line or the engine's step, and the first price.
    const waiting = part.status === "UPLOADED" || (part.status === "ANALYZING" && !part.analysisStartedAt);
    const progress = {
      stage: asAnalysisStage(part.analysisStage),
      filesAhead: waiting
        ? await filesAheadOf(db, part.id, { halfLifeSeconds: getEnv().ANALYSIS_AGEING_HALF_LIFE_SECONDS })
        : null,
    };
    const early = readPreliminaryAnalysis(part);
    const first = early ? (await compareAnalysis(db, early, 1, quoteDay())).priced[0] : undefined;
    return (
      <>
        {heading}
        <PageRefresher />
        {withdrawnNotice}
        <div className="card" role="status">
          <p>
            {part.assumedUnit
              ? "Measuring the part in the unit you chose: the new size and price appear here in a moment."
              : "Analysing the geometry: the 3D view and the price appear here in a moment."}
          </p>
          <AnalysisProgressCard
            progress={progress}
            fraction={analysisProgressFraction(progress)}
            preliminary={first ?? null}
          />
          <AnalysisDeadline deadline={part.status === "ANALYZING" ? part.analysisDeadlineAt : null} />
        </div>
      </>
    );
  }
  const pricing = await loadPricingData(db);
  const comparison = await compareStoredPart(db, part, 1, quoteDay(), pricing);
  const buyer = viewer.buyer;
  const manualQuotes = await listPartManualQuotes(db, viewer, part.id);
  // The price first shown from the measurement, to say whether features and rules changed it.
  const early = parsePreliminary(part.preliminaryAnalysis);
  const firstCents = early
    ? (await compareAnalysis(db, early, 1, quoteDay(), pricing)).priced[0]?.totalWithSurchargeCents
    : undefined;
  return (
    <>
      {heading}
      {withdrawnNotice}
      {firstCents !== undefined && (
        <PriceSettledNote
          preliminaryCents={firstCents}
          finalCents={comparison.priced[0]?.totalWithSurchargeCents ?? null}
          settledAt={part.analyzedAt}
        />
      )}
      {manualQuotes.length > 0 && <ManualQuoteAnswers requests={manualQuotes} canOrder={Boolean(buyer)} />}
      <PartWorkspace
        partId={part.id}
        fileName={part.originalFileName}
        meshUrl={`/api/v1/parts/${part.id}/display-mesh`}
        summary={partPageSummary(report)}
        catalogue={quoteCatalogue(pricing.data)}
        initialComparison={{
          priced: comparison.priced,
          manual: comparison.manual,
          recommended: comparison.recommended,
        }}
        buyer={buyer ? { email: buyer.email } : null}
      />
    </>
  );
}
