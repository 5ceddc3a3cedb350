/** A project name that Excel would run as a formula. */
export const HOSTILE_PROJECT = '=HYPERLINK("http://x","klik")';

/**
 * Exports with hostile text: an organisation name (`first`) and names, a phone-like name
 * (`third`), a reject's raw value and a theme that begin with `@`, `+`, `=` or `-`.
 */
export function hostileExports(first: string, third: string): Record<string, string> {
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  return {
    "members.csv": [
      "organisation_id,organisation_name,network,sector,joined_on",
      `O1,${quote(first)},Slimmer Leven,zorg,2020-01-01`,
      "O2,@Zorggroep,Slimmer Leven,welzijn,2020-01-01",
      `O3,${third},Slimmer Leven,bedrijfsleven,2020-01-01`,
      'O4,Afgewezen,Slimmer Leven,"=1+1",2020-01-01',
      "",
    ].join("\n"),
    "projects.csv": [
      "project_id,project_name,network,theme,stage,lead_organisation_id,start_on",
      `P1,${quote(HOSTILE_PROJECT)},Slimmer Leven,-Valpreventie,pilot,O1,2021-01-01`,
      "",
    ].join("\n"),
    "project_partners.csv": "project_id,organisation_id\nP1,O1\nP1,O2\n",
    "funding.csv":
      "funding_id,project_id,source_type,year,amount_eur,kind,status\nF1,P1,rif,2023,1000,incidenteel,toegekend\n",
  };
}
