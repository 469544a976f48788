"""The running Polku app in the AT-SPI tree, for the scripts that read it as a screen reader does:
tests/desktop/atspi-board.py (in the desktop suite) and tests/screen-reader/flow.py (run by hand).
"""
import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402


def app():
    """The desktop app's accessible (named after its binary), or None while it has not appeared."""
    desk = Atspi.get_desktop(0)
    for i in range(desk.get_child_count()):
        a = desk.get_child_at_index(i)
        if a is not None and a.get_name() == "polku-desktop":
            return a
    return None
