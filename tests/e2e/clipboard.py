#!/usr/bin/env python3
"""A stand-in for a spreadsheet in end-to-end tests: owns the X clipboard with the text given on the command line
(as a spreadsheet does after a copy), so the app's paste reads it through the X server. Prints "ready" once the
clipboard is set; gives up by itself after 60 s, so a failed test never leaves it running."""
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402

clipboard = Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD)
clipboard.set_text(sys.argv[1], -1)
clipboard.store()
print("ready", flush=True)
GLib.timeout_add_seconds(60, Gtk.main_quit)
Gtk.main()
