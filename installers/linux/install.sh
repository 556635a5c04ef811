#!/bin/sh
# 重点项目调度台：为当前用户安装（无需 root）。Install Key Project Desk for the current user.
#
#   ./install.sh            copy the program to ~/.local/opt/keyprojects, add the `keyprojects`
#                           command to ~/.local/bin and a menu entry with its icon
#   ./install.sh --remove   remove them again (the ledger in ~/.local/share/keyprojects is kept)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
prefix="$HOME/.local/opt/keyprojects"
bin="$HOME/.local/bin"

remove() {
    rm -rf "$prefix"
    rm -f "$bin/keyprojects" "$data/applications/keyprojects.desktop"
    find "$data/icons/hicolor" -name 'keyprojects.*' -path '*/apps/*' -delete 2>/dev/null || true
}

if [ "${1:-}" = "--remove" ]; then
    remove
    echo "已卸载。台账数据保留在 $data/keyprojects"
    exit 0
fi

remove
mkdir -p "$prefix" "$bin" "$data/applications"
cp -a "$here/keyprojects" "$here/_internal" "$prefix/"
ln -sf "$prefix/keyprojects" "$bin/keyprojects"
(cd "$here/share/icons" && find hicolor -type f) | while read -r icon; do
    mkdir -p "$data/icons/$(dirname "$icon")"
    cp "$here/share/icons/$icon" "$data/icons/$icon"
done
sed "s|^Exec=keyprojects|Exec=$prefix/keyprojects|" "$here/share/applications/keyprojects.desktop" \
    > "$data/applications/keyprojects.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "已安装到 $prefix；在应用菜单中打开“重点项目调度台”，或运行 $bin/keyprojects"
