// The survey indicators over the twelve reference dates on /enquete, one card each: the chart
// per network (survey-charts.js surveyTrend) with its anchor #grafiek-<id> for the summary
// sentences, or the reason there is nothing to draw (no survey, no round, hidden values).
import { html } from "htl";
import { figure } from "./chart.js";
import { surveyTrend } from "./survey-charts.js";
import { POINT_COLUMNS, hiddenNote, noSurvey, surveyCard, surveyPoints } from "./survey.js";

/**
 * The card of survey indicator `id` from enquete.json (`survey`) for `scopes` (the networks and
 * "alle"), titled `title`, with `subtitle` (what, for whom, until when). `resize` is Framework's.
 */
export function surveyTrendCard({ survey, id, title, subtitle, scopes, networks, resize }) {
  if (!survey.delivered) return noSurvey(title);
  const points = surveyPoints(survey, [id], scopes);
  if (!points.some((p) => p.state === "waarde"))
    return surveyCard({
      title,
      content: html`<p>${hiddenNote(points, survey.small_number) ?? "Nog geen enquêteronde."}</p>`,
    });
  return figure({
    title,
    subtitle,
    chart: resize((width) => surveyTrend(points, { width, scopes, networks })),
    note: hiddenNote(points, survey.small_number) ?? "Een onderbroken lijn: geen enquêteronde.",
    data: points,
    columns: POINT_COLUMNS,
    filename: `enquete-${id}`,
    anchors: [id],
  });
}
