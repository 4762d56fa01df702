#!/usr/bin/env python3
"""A stand-in for a file manager in end-to-end tests: a small GTK window whose label can be dragged, offering
the files named on the command line as text/uri-list, as Nautilus does. The test drags it onto the app through
the X server (xdotool), so the drop arrives over XDND like a real one. Prints "ready" once mapped."""
import sys
from pathlib import Path

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402

uris = [Path(p).resolve().as_uri() for p in sys.argv[1:]]
win = Gtk.Window(title="topograph-drag-source")
win.set_default_size(180, 90)
box = Gtk.EventBox()
box.add(Gtk.Label(label="drag me"))
box.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
box.drag_source_add_uri_targets()
box.connect("drag-data-get", lambda _w, _ctx, data, _info, _time: data.set_uris(uris))
box.connect("drag-end", lambda *_: GLib.timeout_add(200, Gtk.main_quit))
win.add(box)
win.connect("destroy", Gtk.main_quit)
win.connect("map-event", lambda *_: print("ready", flush=True))
win.show_all()
# Gives up by itself, so a failed test never leaves it running.
GLib.timeout_add_seconds(60, Gtk.main_quit)
Gtk.main()
