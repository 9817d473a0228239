"""Renderers of each output format, and the template environment they share.

Each format's renderer is a `fazhi_report.registry.Renderer` declared in the format table
(`fazhi_report.registry`) and imported the first time it is used; this package imports none
of them.
"""
