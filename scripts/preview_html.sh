#!/usr/bin/env bash
# Render the bundled example as an HTML page, screenshot it in headless Chromium and print it to
# PDF (the print stylesheet: A4, official margins), then turn the PDF pages into PNGs, to look
# at it as a reader would. Needs Chromium, poppler-utils and a CJK font (Debian:
# apt-get install chromium poppler-utils fonts-noto-cjk).
# Usage: scripts/preview_html.sh [OUT_DIR] [extra fr.save options as Python keyword args]
# (the default options are toc=True; pass e.g. "toc=False" to leave the contents out).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-preview}"
options="${2:-toc=True}"
python="${PYTHON:-python}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
"$python" - "$out" "$options" <<'PY'
import sys
import fazhi_report as fr

out, options = sys.argv[1], sys.argv[2]
report = fr.load("examples/sample_report.txt")
fr.save(report, f"{out}/sample_report.html", **eval(f"dict({options})"))
PY
chromium="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$chromium" ]; then
    echo "no Chromium found: apt-get update && apt-get install -y chromium" >&2
    exit 1
fi
# --no-sandbox: Chromium refuses to run as root with its sandbox (containers, CI)
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
       --run-all-compositor-stages-before-draw --virtual-time-budget=3000)
page="file://$out/sample_report.html"
"$chromium" "${flags[@]}" --window-size=1000,1300 --screenshot="$out/sample_report.png" "$page" \
    2>/dev/null
"$chromium" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/sample_report.pdf" "$page" \
    2>/dev/null
rm -f "$out"/html-page-*.png
pdftoppm -png -r 60 "$out/sample_report.pdf" "$out/html-page"
pdfinfo "$out/sample_report.pdf" | grep -E "^(Pages|Page size):" || true
echo "screen: $out/sample_report.png; PDF: $out/sample_report.pdf," \
     "$(ls "$out"/html-page-*.png | wc -l) pages in $out/html-page-*.png"
