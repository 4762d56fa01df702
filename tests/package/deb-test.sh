#!/usr/bin/env bash
# Installs the .deb given as $1 on this machine (needs root), checks that a .topo file maps to the
# application/x-topograph type and that type to the installed desktop file, opens a document with the
# installed app the way a file manager would (the desktop file's Exec line, %F = the file) under Xvfb,
# and removes the package again, also when a check fails. `make package-test` runs it.
set -euo pipefail

deb="${1:?usage: deb-test.sh PACKAGE.deb}"
mime=application/x-topograph
cli="${TOPOGRAPH_CLI:-$(cd "$(dirname "$0")/../.." && pwd)/target/debug/topograph}"
[ "$(id -u)" = 0 ] || { echo "deb-test: must run as root (it installs the package)" >&2; exit 1; }
[ -x "$cli" ] || { echo "deb-test: no CLI at $cli (cargo build -p topograph-cli)" >&2; exit 1; }

package="$(dpkg-deb -f "$deb" Package)"
work="$(mktemp -d)"
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  dpkg -r "$package" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "deb-test: FAIL: $*" >&2; exit 1; }

echo "deb-test: installing $deb"
dpkg -i "$deb" >/dev/null
# The package's triggers run these on a desktop (shared-mime-info, desktop-file-utils); run them
# here too in case the trigger is deferred or desktop-file-utils is not installed.
update-mime-database /usr/share/mime
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications

desktop="$(dpkg -L "$package" | grep -E '^/usr/share/applications/.+\.desktop$' | head -1)"
[ -n "$desktop" ] || fail "the package installs no desktop file"
grep -qx "MimeType=$mime;" "$desktop" || fail "$desktop does not name $mime"
grep -q '^Exec=.* %F$' "$desktop" || fail "$desktop does not pass the file to the app (Exec=... %F)"
[ -f /usr/share/mime/packages/topograph.xml ] || fail "the package installs no shared-mime-info type"

# A user with no settings of their own, on a GNOME-like desktop, so xdg-mime asks GIO (what a file
# manager asks) rather than `file`, which knows nothing of installed types.
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config"
export XDG_CACHE_HOME="$work/home/.cache" XDG_DATA_DIRS=/usr/local/share:/usr/share XDG_CURRENT_DESKTOP=GNOME
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
doc="$work/Plan.topo"
"$cli" sample "$doc" >/dev/null

type="$(xdg-mime query filetype "$doc")"
[ "$type" = "$mime" ] || fail "xdg-mime query filetype gave '$type', not $mime"
default="$(xdg-mime query default "$mime")"
[ "$default" = "$(basename "$desktop")" ] || fail "xdg-mime query default $mime gave '$default', not $(basename "$desktop")"
echo "deb-test: $doc is $type, opened by $default"

# Start the app as the desktop file says, with the document for %F and its own data folder.
exec_line="$(sed -n 's/^Exec=//p' "$desktop")"
read -r -a argv <<<"${exec_line% %F}"
data="$work/data"
# xvfb-run stops its X server once the app ends; the app's own pid is what the checks follow and stop.
TOPOGRAPH_DATA_DIR="$data" xvfb-run -a -s "-screen 0 1280x800x24" \
  bash -c '"$@" & echo $! >"$0"; wait' "$work/app.pid" "${argv[@]}" "$doc" >"$work/app.log" 2>&1 &
for _ in $(seq 1 20); do [ -s "$work/app.pid" ] && break; sleep 0.5; done
app_pid="$(cat "$work/app.pid" 2>/dev/null)" || fail "the app did not start under xvfb-run"
# Opening a document records it as the last one in the app's settings: wait for that (30 s at most).
for _ in $(seq 1 60); do
  if grep -qF "\"$doc\"" "$data/settings.json" 2>/dev/null; then break; fi
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; fail "the installed app exited"; }
  sleep 0.5
done
grep -qF "\"$doc\"" "$data/settings.json" 2>/dev/null || { cat "$work/app.log" >&2; fail "the installed app did not open $doc within 30 s"; }
echo "deb-test: the installed $(command -v "${argv[0]}") opened $doc"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""

dpkg -r "$package" >/dev/null
[ ! -e "$desktop" ] || fail "removing the package left $desktop"
echo "deb-test: removed $package; all checks passed"
