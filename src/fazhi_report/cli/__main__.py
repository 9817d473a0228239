"""``python -m fazhi_report.cli``: the same as the ``fazhi-report`` command."""

import sys

from fazhi_report.cli import main

sys.exit(main())
