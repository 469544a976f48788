#!/usr/bin/python3
"""The board as a screen reader reads it: the real app with the AT-SPI bridge on, a workshop made,
the focus moved into the board and out again, and each time what Orca asks when the focus lands
(the line of text around the focused control, AT-SPI getTextAtOffset with LINE_START, on the board
region and everything in it). With `user-select: none` on the board, WebKitGTK 2.50's web process
aborted on that question and the window went blank.

Run by a11y-board.test.mjs inside a D-Bus session of its own (dbus-run-session), under the desktop
suite's Xvfb. Prints one JSON line: {"alive": bool, "asked": n, "heading": name, "error": ...}.
Usage: atspi-board.py APP_BINARY DATA_DIR
"""
import json
import os
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

from atspi_app import app  # noqa: E402

APP, DATA = sys.argv[1], sys.argv[2]
env = dict(os.environ, POLKU_DATA_DIR=DATA, GTK_MODULES="gail:atk-bridge", LANGUAGE="en", LANG="en_US.UTF-8")
env.pop("NO_AT_BRIDGE", None)
app_proc = subprocess.Popen([APP], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
result = {"alive": False, "asked": 0, "heading": None, "error": None}


def web_process_alive():
    kids = subprocess.run(["pgrep", "-s", str(app_proc.pid), "-f", "WebKitWebProcess"], capture_output=True)
    return kids.returncode == 0


def walk(o, depth=0):
    try:
        n = o.get_child_count()
    except GLib.Error:
        return
    yield o
    for i in range(min(n, 400)):
        c = o.get_child_at_index(i)
        if c is not None and depth < 60:
            yield from walk(c, depth + 1)


def find(pred, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        a = app()
        for o in walk(a) if a is not None else []:
            try:
                if pred(o.get_role_name(), o.get_name() or ""):
                    return o
            except GLib.Error:
                pass
        time.sleep(0.5)
    raise RuntimeError("not found in the accessibility tree")


def ask_lines(root):
    """What Orca asks when the focus lands in the board: each object's line of text."""
    for o in list(walk(root)):
        try:
            count = Atspi.Text.get_character_count(o)
        except GLib.Error:
            continue
        for off in sorted({0, max(count - 1, 0)}):
            try:
                Atspi.Text.get_text_at_offset(o, off, Atspi.TextBoundaryType.LINE_START)
            except GLib.Error:
                pass
            result["asked"] += 1
            if not web_process_alive():
                raise RuntimeError(f"the web process ended on a {o.get_role_name()}'s line at offset {off}")


def key(k):
    subprocess.run(["xdotool", "key", k], check=True)
    time.sleep(0.4)


try:
    entry = find(lambda r, n: r == "entry" and n.startswith("Workshop name"), timeout=40)
    Atspi.Component.grab_focus(entry)
    time.sleep(0.5)
    subprocess.run(["xdotool", "type", "--delay", "30", "Board with a screen reader"], check=True)
    key("Return")
    board = find(lambda r, n: r == "landmark" and n == "Service path board")
    undo = find(lambda r, n: r == "push button" and n == "Undo")
    # In: from the toolbar's last button, Tab into the board, as the Orca run did.
    Atspi.Component.grab_focus(undo)
    time.sleep(0.3)
    for _ in range(3):
        key("Tab")
        ask_lines(board)
    # Out: Shift+Tab back to the toolbar.
    for _ in range(3):
        key("shift+Tab")
        ask_lines(board)
    # The page still answers: its heading read fresh from the tree.
    result["heading"] = find(lambda r, n: r == "heading" and n == "Board with a screen reader", timeout=5).get_name()
except Exception as e:  # noqa: BLE001 - reported to the test, which fails on it
    result["error"] = str(e)
finally:
    result["alive"] = web_process_alive()
    print(json.dumps(result), flush=True)
    try:
        os.killpg(app_proc.pid, 15)
    except ProcessLookupError:
        pass
