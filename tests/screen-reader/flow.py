#!/usr/bin/python3
"""Drives the real Polku window with the keyboard alone (xdotool) while Orca runs, and writes a
transcript: per step, the keys pressed, what Orca said (its speech log, see run.sh), and what the
AT-SPI tree says has the focus (role, name, description, states) after the step.

Started by tests/screen-reader/run.sh inside its D-Bus session and Xvfb; not meant to be run alone.
Usage: flow.py TRANSCRIPT SPEECH_LOG
"""
import subprocess
import sys
import time
from pathlib import Path

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# The helper that finds the app is shared with the desktop suite's AT-SPI test.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "desktop"))
from atspi_app import app  # noqa: E402

TRANSCRIPT, SPEECH_LOG = sys.argv[1], sys.argv[2]
out = open(TRANSCRIPT, "w", encoding="utf-8")
speech_offset = 0
focus_events = []  # (time, accessible) of object:state-changed:focused with detail1 = 1
name_events = []  # (time, role, new name) of object:property-change:accessible-name
STATES = ("focused", "selected", "checked", "pressed", "expanded", "editable", "modal", "required", "invalid_entry")


def write(line=""):
    out.write(line + "\n")
    out.flush()
    print(line, flush=True)


def pump(seconds):
    """Lets AT-SPI events arrive (the listeners run in GLib's default context)."""
    ctx = GLib.MainContext.default()
    end = time.time() + seconds
    while time.time() < end:
        while ctx.pending():
            ctx.iteration(False)
        time.sleep(0.03)


def on_focus(event):
    if event.detail1 == 1:
        focus_events.append((time.time(), event.source))


def on_name(event):
    try:
        name_events.append((time.time(), event.source.get_role_name(), event.source.get_name()))
    except GLib.Error:
        pass


def describe(acc):
    """role 'name' [description] {states}, read fresh from the tree (not from Orca's cache)."""
    try:
        role = acc.get_role_name()
        name = acc.get_name() or ""
        desc = acc.get_description() or ""
        ss = acc.get_state_set()
        states = [s for s in STATES if ss.contains(getattr(Atspi.StateType, s.upper()))]
        text = f"{role} {name!r}"
        if desc:
            text += f" desc={desc!r}"
        if states:
            text += " {" + ",".join(states) + "}"
        return text
    except GLib.Error as e:
        return f"(the object that had the focus is gone from the tree; AT-SPI: {e.message[:60]})"


def walk_focused():
    """The deepest focused object, by walking the tree: the fallback when no focus event came."""
    found = [None]

    def walk(o, depth):
        try:
            if o.get_state_set().contains(Atspi.StateType.FOCUSED):
                found[0] = o
            n = min(o.get_child_count(), 300)
        except GLib.Error:
            return
        for i in range(n):
            c = o.get_child_at_index(i)
            if c is not None and depth < 40:
                walk(c, depth + 1)

    a = app()
    if a is not None:
        walk(a, 0)
    return found[0]


def current_focus():
    return focus_events[-1][1] if focus_events else walk_focused()


def new_speech():
    global speech_offset
    with open(SPEECH_LOG, encoding="utf-8", errors="replace") as f:
        f.seek(speech_offset)
        data = f.read()
        speech_offset = f.tell()
    lines = []
    for line in data.splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3 and parts[1] == "speech":
            lines.append(parts[2].replace("SPEECH OUTPUT: ", "", 1))
    return lines


def keys(*ks):
    """Presses keys as a person would: xdotool to the focused X window ('type:…' types text)."""
    for k in ks:
        if k.startswith("type:"):
            subprocess.run(["xdotool", "type", "--delay", "80", k[5:]], check=True)
        else:
            subprocess.run(["xdotool", "key", k], check=True)
        pump(0.35)


def step(title, *ks, wait=1.5):
    """One step: the keys, then what was said and what has the focus."""
    n_focus = len(focus_events)
    n_names = len(name_events)
    keys(*ks)
    pump(wait)
    spoken = new_speech()
    write(f"## {title}")
    write(f"   keys:   {' '.join(ks) if ks else '(none)'}")
    if spoken:
        for s in spoken:
            write(f"   ORCA:   {s}")
    else:
        write("   ORCA:   (silence)")
    if len(focus_events) > n_focus:
        acc = focus_events[-1][1]
        write(f"   FOCUS:  {describe(acc)}")
    else:
        acc = current_focus()
        write(f"   FOCUS:  (no focus event) now: {describe(acc) if acc is not None else 'nothing focused'}")
    for _, role, name in name_events[n_names:]:
        write(f"   NAME-CHANGE event: {role} -> {name!r}")
    write()
    return spoken, acc


def focus_name():
    acc = current_focus()
    try:
        return (acc.get_role_name(), acc.get_name() or "") if acc is not None else ("", "")
    except GLib.Error:
        return ("", "")


def move_until(title, key, pred, limit=40):
    """Tab / Shift+Tab (or arrows) until pred(role, name) holds, as a person listening would."""
    heard = []
    for i in range(limit):
        keys(key)
        pump(0.8)
        heard += new_speech()
        role, name = focus_name()
        if pred(role, name):
            write(f"## {title}")
            write(f"   keys:   {key} x{i + 1}")
            write("   ORCA (each stop on the way): " + " | ".join(heard[-24:]))
            acc = current_focus()
            write(f"   FOCUS:  {describe(acc)}")
            write()
            return True
    write(f"## {title}: NOT REACHED after {limit} x {key}")
    write("   ORCA (last stops): " + " | ".join(heard[-24:]))
    write(f"   FOCUS:  {describe(current_focus()) if current_focus() is not None else 'nothing focused'}")
    write()
    return False


def main():
    listener = Atspi.EventListener.new(on_focus)
    listener.register("object:state-changed:focused")
    names = Atspi.EventListener.new(on_name)
    names.register("object:property-change:accessible-name")

    write("# Polku with Orca: keyboard-only run")
    write(f"# {time.strftime('%Y-%m-%d %H:%M:%S')}; Orca {subprocess.run(['orca', '--version'], capture_output=True, text=True).stdout.strip()}")
    write("# ORCA = what Orca said (its speech log); FOCUS = the focused object read fresh from AT-SPI")
    write()

    pump(1)
    step("1. The app starts: the workshop list", wait=1)
    # Orca's browse mode: H is 'next heading' (structural navigation), as a blind user skims.
    step("2. Skim headings with Orca's H key (browse mode)", "h", "h")
    move_until("3. Tab to the new workshop's name field", "Tab", lambda r, n: r == "entry" and n.startswith("Workshop name"))
    step("4. Type the name and press Enter (Create workshop)", "type:Perhepalvelut kevat", "Return", wait=3)
    step("5. Press Tab once after the workshop opened", "Tab")
    move_until("6. Tab to the 'Add neutral note' button", "Tab", lambda r, n: n == "Add neutral note")
    step("7. Enter: a new note, its editor opens", "Return", wait=2)
    step("8. Type the note's text and save it with Enter", "type:Ajanvaraus puhelimessa kestaa", "Return", wait=2)
    step("9. Shift+F10: the note's menu", "shift+F10")
    move_until("10. Down to the 'Positive' colour", "Down", lambda r, n: n == "Positive", limit=10)
    step("11. Enter: the note becomes positive (green)", "Return", wait=2)
    step("12. Orca's Where am I (KP_Enter) on the note", "KP_Enter")
    step("13. N: another note at the same place", "n", wait=2)
    step("14. Type its text, Enter", "type:Lomake on vaikea", "Return", wait=2)
    step("15. Shift+Tab: back to the first note", "shift+Tab")
    step("16. Shift+Tab again: what comes before the first note", "shift+Tab")
    step("17. Tab: forward again", "Tab")
    step("18. Tab: the second note", "Tab")
    # Back to the toolbar by going round: Esc leaves the note, then Tab on past the board.
    if not move_until("19. Tab on (past the board, round to the top) to the 'Outline' view button", "Tab",
                      lambda r, n: n == "Outline", limit=60):
        return
    step("20. Space: the outline view", "space", wait=2)
    for i in range(6):
        step(f"21.{i + 1} Tab in the outline", "Tab", wait=0.8)
    if not move_until("22. Shift+Tab to the 'Export' button", "shift+Tab", lambda r, n: n == "Export", limit=40):
        return
    step("23. Enter: the export dialog", "Return", wait=2)
    step("24. Tab in the export dialog", "Tab")
    step("25. Tab again", "Tab")
    step("26. Escape: close the dialog", "Escape", wait=1.5)
    if not move_until("27. Tab to the 'Workshops' link", "Tab", lambda r, n: r == "link" and n == "Workshops", limit=40):
        return
    step("28. Enter: back to the workshop list", "Return", wait=2)
    if not move_until("29. Tab to 'About Polku'", "Tab", lambda r, n: n == "About Polku", limit=60):
        return
    step("30. Enter: the About page", "Return", wait=2)
    step("31. Tab", "Tab")
    if move_until("32. Tab to the accessibility statement link", "Tab", lambda r, n: n == "Accessibility statement", limit=20):
        step("33. Enter: the accessibility statement", "Return", wait=2)
        step("34. Orca H: next heading", "h")
        step("35. Tab", "Tab")
    # Last, as it may end the page: Shift+Tab backwards across the board, from its first
    # touchpoint's phase buttons to the toolbar (twice the web content process ended here).
    if not move_until("36. Shift+Tab to the 'Polku' link (home: the workshop list)", "shift+Tab",
                      lambda r, n: r == "link" and n == "Polku", limit=60):
        return
    step("36b. Enter: the workshop list", "Return", wait=2)
    if not move_until("36c. Tab to the workshop", "Tab", lambda r, n: "Perhepalvelut" in n, limit=30):
        return
    step("36d. Enter: open it", "Return", wait=3)
    # It opens in the view it was left in (the outline): back to the board first.
    if move_until("36e. Tab to the 'Board' view button", "Tab", lambda r, n: n == "Board", limit=30):
        step("36f. Space: the board view", "space", wait=2)
    if move_until("37. Tab to the 'Phase: Before the service' button", "Tab",
                  lambda r, n: n.startswith("Phase: Before the service"), limit=40):
        for i in range(4):
            step(f"38.{i + 1} Shift+Tab backwards out of the board", "shift+Tab", wait=2)
    write("# end of run")


if __name__ == "__main__":
    main()
