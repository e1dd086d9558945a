#!/bin/sh
# Make sure the Debian packages Qt needs are present: offscreen rendering, a real
# window under Xvfb, and fonts (without fonts every glyph is a box and Qt says
# nothing). As root, install what is missing; otherwise print the exact command.
set -e
PACKAGES="libgl1 libegl1 libfontconfig1 libfreetype6 libx11-6 libglib2.0-0 libxkbcommon0
libdbus-1-3 fonts-dejavu-core fonts-wqy-microhei xvfb libxcb-cursor0 libxcb-icccm4
libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1
libxkbcommon-x11-0 libx11-xcb1 librsvg2-bin poppler-utils"

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "system_deps: not a Debian system; install Qt's runtime libraries and fonts yourself" >&2
    exit 0
fi

missing=""
for p in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ]; then
    echo "system_deps: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
    echo "system_deps: Qt needs these Debian packages; run:" >&2
    echo "  sudo apt-get install -y$missing" >&2
    exit 1
fi
