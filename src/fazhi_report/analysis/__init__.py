"""Analyses of a parsed report: the role of each section (more to come: compliance, figures)."""

from fazhi_report.analysis.roles import infer_role, infer_subrole

__all__ = ["infer_role", "infer_subrole"]
