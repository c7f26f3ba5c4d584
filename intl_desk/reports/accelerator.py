"""Whether ReportLab draws with its C accelerator (``rl_accel``, the ``reportlab[accel]``
extra): without it every coordinate of a page is formatted in Python, about a quarter of
a big report's time. An installation without the extra, or a bundle that left the
extension out, still draws the same pages, only slower."""

from __future__ import annotations


def accelerated() -> bool:
    from reportlab.lib import rl_accel

    return getattr(rl_accel.fp_str, "__module__", None) == "_rl_accel"
