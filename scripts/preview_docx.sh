#!/usr/bin/env bash
# Render the bundled example as a Word file and turn it into PNG pages and a text layout, to
# look at it as a reader would. Needs LibreOffice, poppler-utils and a CJK font (Debian:
# apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk).
# Usage: scripts/preview_docx.sh [OUT_DIR] [extra fr.save options as Python keyword args]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-preview}"
options="${2:-}"
mkdir -p "$out"
python - "$out" "$options" <<'PY'
import sys
import fazhi_report as fr

out, options = sys.argv[1], sys.argv[2]
report = fr.load("examples/sample_report.txt")
fr.save(report, f"{out}/sample_report.docx", **eval(f"dict({options})"))
PY
soffice --headless --convert-to pdf --outdir "$out" "$out/sample_report.docx" >/dev/null
pdftoppm -png -r 60 "$out/sample_report.pdf" "$out/page"
pdftotext -layout "$out/sample_report.pdf" "$out/sample_report.txt"
pdffonts "$out/sample_report.pdf" || true
echo "pages: $(ls "$out"/page-*.png | wc -l); look at $out/page-*.png and $out/sample_report.txt"
