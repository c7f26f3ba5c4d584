"""Colours shared by the dashboard and the PDF, chosen to stay readable in greyscale."""

from __future__ import annotations

#: agreement types, stacked: viridis steps, whose lightness rises monotonically
TYPE_COLOURS = ("#440154", "#443983", "#31688e", "#21918c", "#35b779", "#90d743", "#fde725")
BAR = "#31688e"
MONEY = "#21918c"
ON_TRACK = "#1b5e20"
OFF_TRACK = "#e0a040"
TARGET = "#222222"
INK = "#222222"
MUTED = "#666666"
RULE = "#cccccc"
ACCENT = "#08519c"
