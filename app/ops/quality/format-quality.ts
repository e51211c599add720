/** How the quality pages write each figure; a missing one (nothing to rate yet) is a dash. */
export const formatPercent = (share: number | null) =>
  share === null ? "–" : `${Math.round(share * 100)} %`;
export const formatStars = (stars: number | null) => (stars === null ? "–" : `${stars.toFixed(1)} ★`);
export const formatHours = (hours: number | null) =>
  hours === null
    ? "–"
    : hours < 10 && !Number.isInteger(hours)
      ? `${hours.toFixed(1)} h`
      : `${Math.round(hours)} h`;
