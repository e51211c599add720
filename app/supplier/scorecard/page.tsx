import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { loadSupplierScorecard, type ScorecardMonth } from "@/lib/suppliers/load-supplier-scorecard";
import { StackTable } from "@/app/_components/stack-table";
import scoreTilesStyles from "@/app/_components/score-tiles.module.css";
import twoCardsStyles from "@/app/_components/two-cards.module.css";
import styles from "./scorecard.module.css";
import { formatShortMonth } from "@/lib/dates/format-month";

export const metadata: Metadata = { title: "Scorecard" };

const percent = (value: number | null) => (value === null ? "–" : `${Math.round(value * 100)} %`);

/** One monthly series as bars (0…1), months without data left empty. */
function MonthBars({
  title,
  months,
  value,
  describe,
}: {
  title: string;
  months: ScorecardMonth[];
  value: (month: ScorecardMonth) => number | null;
  describe: (month: ScorecardMonth) => string;
}) {
  return (
    <figure className={styles.monthBars}>
      <figcaption>{title}</figcaption>
      <ol>
        {months.map((month) => {
          const share = value(month);
          return (
            <li key={month.month} title={describe(month)}>
              <span className={styles.bar} aria-hidden>
                <span style={{ height: `${share === null ? 0 : Math.max(2, share * 100)}%` }} />
              </span>
              <span className="visually-hidden">{describe(month)}</span>
              <span className="month" aria-hidden>
                {formatShortMonth(month.month)}
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}

export default async function SupplierScorecardPage() {
  const user = await requirePermission("supplier.portal", "/supplier/scorecard");
  const { months, year } = await loadSupplierScorecard(getPrisma(), user.companyId);
  return (
    <>
      <h1>Scorecard</h1>
      <p className="muted">
        Your record over the last 12 months. The matcher ranks partners by on-time delivery, rating, rejection
        and complaint rates (with capacity, distance and cost), so a better record brings more offers.
        Unanswered offers count as rejections.
      </p>
      {year.offers === 0 && year.shipped === 0 && (
        <p className="alert" role="status">
          No record yet: the figures fill in once you have answered offers and shipped jobs. Until then the
          matcher ranks you as an average partner.
        </p>
      )}
      <div className={scoreTilesStyles.scoreTiles}>
        <div className="card" data-testid="score-on-time">
          <span className="muted">On time</span>
          <strong>{percent(year.onTimeRate)}</strong>
          <span className="hint">
            {year.onTime} of {year.shipped} shipments
          </span>
        </div>
        <div className="card">
          <span className="muted">Rating</span>
          <strong>{year.meanStars === null ? "–" : `${year.meanStars.toFixed(1)} ★`}</strong>
          <span className="hint">{year.ratings} ratings</span>
        </div>
        <div className="card" data-testid="score-rejection">
          <span className="muted">Rejected or unanswered</span>
          <strong>{percent(year.rejectionRate)}</strong>
          <span className="hint">
            {year.declined} of {year.offers} offers
          </span>
        </div>
        <div className="card">
          <span className="muted">Complaints</span>
          <strong>{percent(year.complaintsPerShipment)}</strong>
          <span className="hint">{year.complaints} complaints</span>
        </div>
      </div>
      <div className={twoCardsStyles.twoCards}>
        <MonthBars
          title="On-time delivery by month"
          months={months}
          value={(month) => (month.shipped > 0 ? month.onTime / month.shipped : null)}
          describe={(month) => `${month.month}: ${month.onTime} of ${month.shipped} shipments on time`}
        />
        <MonthBars
          title="Offers rejected or unanswered by month"
          months={months}
          value={(month) => (month.offers > 0 ? (month.rejected + month.expired) / month.offers : null)}
          describe={(month) =>
            `${month.month}: ${month.rejected} rejected and ${month.expired} unanswered of ${month.offers} offers`
          }
        />
      </div>
      <StackTable
        columns={["Month", "Offers", "Rejected", "Unanswered", "Shipped", "On time", "Rating", "Complaints"]}
      >
        {[...months].reverse().map((month) => (
          <tr key={month.month}>
            <td data-label="Month">{month.month}</td>
            <td data-label="Offers">{month.offers}</td>
            <td data-label="Rejected">{month.rejected}</td>
            <td data-label="Unanswered">{month.expired}</td>
            <td data-label="Shipped">{month.shipped}</td>
            <td data-label="On time">{month.shipped > 0 ? percent(month.onTime / month.shipped) : "–"}</td>
            <td data-label="Rating">{month.meanStars === null ? "–" : month.meanStars.toFixed(1)}</td>
            <td data-label="Complaints">{month.complaints}</td>
          </tr>
        ))}
      </StackTable>
    </>
  );
}
