"""Tests of the command line, one module per part of `fazhi_report.cli`."""
