"""Holds the application's loading open until a test lets it finish.

Imported by a module the start test adds to what the start window loads, so that the
test sees the start window while the loading is still under way, on any machine speed.
"""

import threading

OPEN = threading.Event()
