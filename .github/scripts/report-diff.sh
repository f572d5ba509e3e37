#!/usr/bin/env bash
# Compares two SgAudit report.json files finding by finding (by `fingerprint`, stable across scans): which findings
# are new, which were fixed, and which only disappeared because their scope or rule was not assessed this time
# (reported apart, never as fixed: SgAudit fails closed). Used by the composite action (input `previous-report`).
#
# A stopgap: when the CLI gets a `diff` command (a later issue), the action should call that instead.
#
# usage: report-diff.sh [--format markdown|json] PREVIOUS CURRENT
#   PREVIOUS may be missing or empty (a first scan): nothing is new or fixed, the scan is the baseline.
#   markdown (default) is for a job summary; json is {"baseline", "new", "fixed", "notAssessed", "unchanged"}.
#   With GITHUB_OUTPUT set, also appends new=, fixed=, not-assessed= and baseline= to it.
# exit: 0, or 2 for bad usage or a file that is not a report.json of schemaVersion "1".
set -euo pipefail

format=markdown
if [ "${1:-}" = "--format" ]; then
  format="${2:-}"
  shift 2 || true
fi
if [ $# -ne 2 ] || { [ "$format" != markdown ] && [ "$format" != json ]; }; then
  echo "usage: report-diff.sh [--format markdown|json] PREVIOUS CURRENT" >&2
  exit 2
fi
previous="$1"
current="$2"

check_report() {
  if ! jq -e 'type == "object" and .schemaVersion == "1" and (.findings | type == "array")' "$1" >/dev/null 2>&1; then
    echo "report-diff.sh: $1 is not an SgAudit report.json (schemaVersion \"1\")" >&2
    exit 2
  fi
}

check_report "$current"
if [ -s "$previous" ]; then
  check_report "$previous"
  previous_json="$previous"
else
  previous_json=""
fi

# The comparison, once, as JSON. A finding that is gone is "not assessed" rather than "fixed" when the current scan
# could not read its account/region (notAssessed, region null = the whole account) or could not run its rule there
# (ruleGaps).
diff_json="$(jq -n --slurpfile cur "$current" --slurpfile prev "${previous_json:-/dev/null}" '
  def brief: {fingerprint, ruleId, severity, accountId, region, resourceId, permission: (.evidence.permission // null), source: (.evidence.source // null)};
  def index_by_fingerprint: map({key: .fingerprint, value: .}) | from_entries;
  def scope_unread($c): . as $f
    | any(($c.notAssessed // [])[]; .accountId == $f.accountId and (.region == null or .region == $f.region))
      or any(($c.ruleGaps // [])[]; .ruleId == $f.ruleId and .accountId == $f.accountId and (.region == null or .region == $f.region));
  $cur[0] as $c
  | if ($prev | length) == 0 then
      {baseline: true, new: [], fixed: [], notAssessed: [], unchanged: ($c.findings | length)}
    else
      $prev[0] as $p
      | ($p.findings | index_by_fingerprint) as $before
      | ($c.findings | index_by_fingerprint) as $after
      | [$p.findings[] | select($after[.fingerprint] == null)] as $gone
      | {baseline: false,
         new: [$c.findings[] | select($before[.fingerprint] == null) | brief],
         fixed: [$gone[] | select(scope_unread($c) | not) | brief],
         notAssessed: [$gone[] | select(scope_unread($c)) | brief],
         unchanged: ([$c.findings[] | select($before[.fingerprint] != null)] | length)}
    end')"

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  jq -r '"new=\(.new | length)", "fixed=\(.fixed | length)", "not-assessed=\(.notAssessed | length)", "baseline=\(.baseline)"' <<<"$diff_json" >>"$GITHUB_OUTPUT"
fi

if [ "$format" = json ]; then
  printf '%s\n' "$diff_json"
  exit 0
fi

# Markdown for a job summary. Only ids and SgAudit's own words are shown, escaped anyway: values come from the account.
jq -r '
  def esc: tostring | gsub("&"; "&amp;") | gsub("<"; "&lt;") | gsub(">"; "&gt;") | gsub("\\|"; "&#124;") | gsub("`"; "&#96;") | gsub("[\r\n]"; " ");
  def rows($list; $limit):
    ($list[:$limit][] | "| \(.ruleId | esc) | \(.severity | esc) | \(.accountId | esc) | \(.region | esc) | \(.resourceId | esc) | \((.permission // "-") | esc) | \((.source // "-") | esc) |"),
    (if ($list | length) > $limit then "\n… and \(($list | length) - $limit) more: see report.json." else empty end);
  def table($title; $list):
    if ($list | length) == 0 then empty
    else "\n#### \($title) (\($list | length))\n", "| rule | severity | account | region | resource | permission | source |", "|---|---|---|---|---|---|---|", rows($list; 100)
    end;
  "### Changes since the previous scan\n",
  (if .baseline then "No previous report to compare with: this scan is the baseline (\(.unchanged) findings)."
   else "**\(.new | length) new**, **\(.fixed | length) fixed**, \(.unchanged) unchanged"
        + (if (.notAssessed | length) > 0 then ", \(.notAssessed | length) no longer visible because their scope or rule was not assessed (not counted as fixed)" else "" end)
        + "."
   end),
  table("New"; .new), table("Fixed"; .fixed), table("Not assessed this time"; .notAssessed)
' <<<"$diff_json"
