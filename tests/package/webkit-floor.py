#!/usr/bin/env python3
# A bare WebKitGTK window: the same WebKitGTK 4.1 as the app's, the app's window size, one line of
# static HTML and nothing else. tests/desktop/memory.bench.mjs measures it after the app, with the
# switches the app gave its own WebKit, as the floor any WebKitGTK app pays on this machine, so the
# app's own share of its memory can be told from WebKit's.
# Usage: webkit-floor.py (runs until it is ended; DISPLAY from the environment).
import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import Gtk, WebKit2  # noqa: E402

window = Gtk.Window(title="webkit-floor")
window.set_default_size(1280, 820)
view = WebKit2.WebView()
window.add(view)
view.load_html("<!doctype html><p>WebKitGTK</p>", "about:blank")
window.connect("destroy", Gtk.main_quit)
window.show_all()
Gtk.main()
