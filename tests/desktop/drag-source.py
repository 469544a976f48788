"""A stand-in for the file manager in the desktop suite: a small window that a file can be dragged
from (text/uri-list, as Nautilus offers it), so xdotool's mouse can drop it on Polku's window.
Usage: drag-source.py FILE X Y  (the window's top-left corner on the screen)."""
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402

path, x, y = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
uri = GLib.filename_to_uri(path)

# Named after the file, so a test never finds the window of a file it offered before.
window = Gtk.Window(title=f"Polku test drag source {path.rsplit('/', 1)[-1]}")
window.set_default_size(240, 120)
window.move(x, y)
source = Gtk.EventBox()
source.add(Gtk.Label(label=path.rsplit("/", 1)[-1]))
source.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
source.drag_source_add_uri_targets()
source.connect("drag-data-get", lambda _w, _ctx, data, _info, _time: data.set_uris([uri]))
window.add(source)
window.connect("destroy", Gtk.main_quit)
window.show_all()
Gtk.main()
