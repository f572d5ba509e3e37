#!/usr/bin/env bash
# The scan step of the composite action (action.yml at the repository root). The action's inputs arrive as
# environment variables (INPUT_*), never interpolated into a script with ${{ }}, so a value cannot inject shell
# code; each is passed to `sgaudit scan` as one quoted argument. Writes the step outputs (report paths, counts by
# severity from report.json, the exit code, `sgaudit diff` against a previous report.json) and always exits 0, so the
# outputs are set even when the gate fails: action.yml's next step fails the job on a non-zero exit code.
#
# environment: SGAUDIT_DLL (the built CLI), INPUT_SOURCE, INPUT_MODEL, INPUT_REGIONS, INPUT_ROLE, INPUT_EXTERNAL_ID,
# INPUT_CONFIG, INPUT_FAIL_ON, INPUT_FORMATS, INPUT_OUT, INPUT_ALLOW_PARTIAL, INPUT_BASELINE, INPUT_PREVIOUS_REPORT,
# INPUT_JOB_SUMMARY, GITHUB_OUTPUT and (optional) GITHUB_STEP_SUMMARY.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
model="${INPUT_MODEL:-}"
source="${INPUT_SOURCE:-}"
if [ -z "$source" ]; then
  if [ -n "$model" ]; then source=emulator; else source=aws; fi
fi

# report.json is always written: the counts are read from it.
formats="${INPUT_FORMATS:-html,sarif,json,md}"
formats="${formats// /}"
case ",$formats," in
  *,json,*) ;;
  *) formats="$formats,json" ;;
esac
out="${INPUT_OUT:-sgaudit-report}"

args=(scan --source "$source" --format "$formats" --out "$out")
if [ -n "$model" ]; then args+=(--model "$model"); fi
if [ -n "${INPUT_REGIONS:-}" ]; then args+=(--region "$INPUT_REGIONS"); fi
if [ -n "${INPUT_ROLE:-}" ]; then args+=(--role-arn "$INPUT_ROLE"); fi
if [ -n "${INPUT_EXTERNAL_ID:-}" ]; then args+=(--external-id "$INPUT_EXTERNAL_ID"); fi
if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); fi
if [ -n "${INPUT_FAIL_ON:-}" ]; then args+=(--fail-on "$INPUT_FAIL_ON"); fi
if [ "${INPUT_ALLOW_PARTIAL:-false}" = "true" ]; then args+=(--allow-partial); fi
# A missing baseline is a first scan: every finding counts for the gate (fail closed).
if [ -n "${INPUT_BASELINE:-}" ] && [ -s "$INPUT_BASELINE" ]; then args+=(--baseline "$INPUT_BASELINE"); fi

# A report left by an earlier run in the same folder must not be read as this run's (exit 2 writes no report).
rm -f -- "$out/report.html" "$out/report.sarif" "$out/report.json" "$out/summary.md" "$out/diff.md"

dotnet "$SGAUDIT_DLL" "${args[@]}"
code=$?

report_path() {
  if [ -f "$out/$1" ]; then printf '%s' "$out/$1"; fi
}

{
  echo "exit-code=$code"
  echo "report-dir=$out"
  echo "html=$(report_path report.html)"
  echo "sarif=$(report_path report.sarif)"
  echo "json=$(report_path report.json)"
  echo "markdown=$(report_path summary.md)"
  if [ -f "$out/report.json" ]; then
    jq -r '"findings=\(.summary.findings)", "gate-findings=\(.summary.gateFindings)", "partial=\(.scan.partial)",
           (.summary.bySeverity | "critical=\(.critical // 0)", "high=\(.high // 0)", "medium=\(.medium // 0)", "low=\(.low // 0)", "info=\(.info // 0)")' \
      "$out/report.json"
  fi
} >>"$GITHUB_OUTPUT"

summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
if [ "${INPUT_JOB_SUMMARY:-true}" = "true" ] && [ -f "$out/summary.md" ]; then
  cat "$out/summary.md" >>"$summary"
fi

if [ -n "${INPUT_PREVIOUS_REPORT:-}" ] && [ -f "$out/report.json" ]; then
  diff_md=""
  if [ ! -s "$INPUT_PREVIOUS_REPORT" ]; then
    # A missing previous report is a first scan (this one is the baseline), not an error.
    printf '%s\n' new=0 fixed=0 not-assessed=0 baseline=true >>"$GITHUB_OUTPUT"
    diff_md="$(jq -r '"### Changes since the previous scan\n\nNo previous report to compare with: this scan is the baseline (\(.findings | length) findings)."' "$out/report.json")"
  else
    # sgaudit diff compares by fingerprint; findings whose scope or rule this scan did not assess are "not
    # re-assessed", never fixed. --fail-on none: exit 0, or 3 when some could not be re-assessed; 2 is bad input.
    diff_json="$(dotnet "$SGAUDIT_DLL" diff --format json --fail-on none "$INPUT_PREVIOUS_REPORT" "$out/report.json")"
    diff_code=$?
    if [ "$diff_code" -eq 0 ] || [ "$diff_code" -eq 3 ]; then
      jq -r '"new=\(.counts.new)", "fixed=\(.counts.fixed)", "not-assessed=\(.counts.notReassessed)", "baseline=false"' <<<"$diff_json" >>"$GITHUB_OUTPUT"
      diff_md="$(dotnet "$SGAUDIT_DLL" diff --format markdown --fail-on none "$INPUT_PREVIOUS_REPORT" "$out/report.json")"
    else
      echo "::warning::SgAudit: the previous report could not be compared (see the log above)"
    fi
  fi
  if [ -n "$diff_md" ]; then
    printf '%s\n' "$diff_md" >"$out/diff.md"
    echo "diff=$out/diff.md" >>"$GITHUB_OUTPUT"
    if [ "${INPUT_JOB_SUMMARY:-true}" = "true" ]; then printf '\n%s\n' "$diff_md" >>"$summary"; fi
  fi
fi

case "$code" in
  0) ;;
  1) echo "::error::SgAudit: findings at or above the fail-on severity (exit 1)" ;;
  2) echo "::error::SgAudit: usage or input error, no report written (exit 2)" ;;
  3) echo "::error::SgAudit: part of the scope was not assessed (exit 3); see the report, or set allow-partial" ;;
  *) echo "::error::SgAudit exited $code" ;;
esac
exit 0
