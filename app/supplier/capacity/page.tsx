import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { loadCapacityCalendar } from "@/lib/suppliers/load-capacity-calendar";
import { processLabel } from "@/lib/catalogue/catalogue-labels";
import legendStyles from "@/app/_components/legend.module.css";
import styles from "./capacity.module.css";
import { formatDayAndMonth } from "@/lib/dates/format-day";

export const metadata: Metadata = { title: "Capacity" };


export default async function SupplierCapacityPage() {
  const user = await requirePermission("supplier.portal", "/supplier/capacity");
  const calendar = await loadCapacityCalendar(getPrisma(), user.companyId);
  return (
    <>
      <h1>Capacity</h1>
      <p className="muted">
        Machine hours per week for the next 12 weeks: held by accepted jobs, held by offers waiting for your
        answer, and free. Public holidays where you are (your country and the region in your profile) and the
        platform&rsquo;s closure days hold no hours. The matcher only offers jobs that fit into the free hours
        before their delivery date. Change weekly hours and holidays in your{" "}
        <Link href="/supplier/profile">profile</Link>.
      </p>
      {calendar.length === 0 && (
        <p className="alert warn">
          No weekly capacity is set, so you receive no offers. Set it per process in your{" "}
          <Link href="/supplier/profile">profile</Link>.
        </p>
      )}
      {calendar.map((process) => (
        <section key={process.process} className={`card ${styles.capacityProcess}`}>
          <h2>
            {processLabel(process.process)} <span className="muted">· {process.weeklyHours} h per week</span>
          </h2>
          <ul className={`${legendStyles.legend} ${styles.capacityLegend}`}>
            <li>
              <i className="jobs" /> accepted jobs
            </li>
            <li>
              <i className="offers" /> offers waiting
            </li>
            <li>
              <i className={styles.free} /> free
            </li>
          </ul>
          <ol className={styles.capacityWeeks}>
            {process.weeks.map((week) => {
              const capacity = Math.max(week.capacityHours, 0.0001);
              const jobs = Math.min(100, (week.jobHours / capacity) * 100);
              const offers = Math.min(100 - jobs, (week.offerHours / capacity) * 100);
              const free = Math.max(0, week.capacityHours - week.jobHours - week.offerHours);
              return (
                <li key={week.weekStart} data-testid="capacity-week">
                  <span className="capacity-week-label">Week of {formatDayAndMonth(week.weekStart)}</span>
                  <span
                    className={styles.capacityBar}
                    role="img"
                    aria-label={`${week.jobHours.toFixed(1)} h jobs, ${week.offerHours.toFixed(1)} h offers, ${free.toFixed(1)} h free of ${week.capacityHours.toFixed(1)} h`}
                  >
                    <span className="jobs" style={{ width: `${jobs}%` }} />
                    <span className="offers" style={{ width: `${offers}%` }} />
                  </span>
                  <span className="capacity-week-numbers">
                    {free.toFixed(1)} h free of {week.capacityHours.toFixed(1)} h
                    {week.blockedDays.length > 0 && (
                      <span className="hint">
                        {" "}
                        · closed{" "}
                        {week.blockedDays
                          .map((day) => {
                            const off = week.daysOff.find((entry) => entry.day === day);
                            return off ? `${formatDayAndMonth(day)} (${off.name})` : formatDayAndMonth(day);
                          })
                          .join(", ")}
                      </span>
                    )}
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </>
  );
}
