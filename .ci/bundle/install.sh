#!/bin/sh
# gongwen @VERSION@ offline install for Linux: a venv in ~/.local/share/gongwen from the wheels beside
# this script (no network), a `gongwen` command in ~/.local/bin and a 「gongwen」 launcher on the desktop.
# Running it again upgrades in place.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WHEELS="$HERE/wheels"
PREFIX="${XDG_DATA_HOME:-$HOME/.local/share}/gongwen"
VENV="$PREFIX/venv"
say() { printf '%s\n' "$*"; }
fail() { say "安装未完成：$*"; exit 1; }

# Only the wheels beside this script: no index, no user pip settings.
for name in $(env | sed -n 's/^\(PIP_[A-Z_]*\)=.*/\1/p'); do unset "$name"; done
export PIP_CONFIG_FILE=/dev/null PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

say "== 安装 gongwen @VERSION@（离线，不需要网络）"
[ -d "$WHEELS" ] || fail "找不到 $WHEELS，请把整个压缩包解压后再运行。"

# Python @PYMIN@–@PYMAX@ (64 位) with venv
fits() {
  "$1" -c 'import struct, sys, venv; sys.exit(not ((@PYMIN_TUPLE@) <= sys.version_info[:2] <= (@PYMAX_TUPLE@) and struct.calcsize("P") == 8))' \
    >/dev/null 2>&1
}
PY=""
for candidate in ${GONGWEN_PYTHON:-} $(for v in @PYTHONS@; do printf 'python%s ' "$v"; done) python3 python; do
  if command -v "$candidate" >/dev/null 2>&1 && fits "$candidate"; then PY=$(command -v "$candidate"); break; fi
done
[ -n "$PY" ] || fail "没有找到可用的 Python @PYMIN@–@PYMAX@（64 位，含 venv 模块）。
请先安装，例如：sudo apt install python3 python3-venv（或 sudo dnf install python3），然后重新运行本脚本。"
say "使用 Python：$PY（$("$PY" -c 'import sys; print(sys.version.split()[0])')）"

# The venv: kept when it still works (re-running upgrades), made anew when its Python is gone.
if [ -x "$VENV/bin/python" ] && fits "$VENV/bin/python"; then
  say "升级已有安装：$VENV"
else
  say "创建运行环境：$VENV"
  rm -rf "$VENV"
  mkdir -p "$PREFIX"
  "$PY" -m venv "$VENV" || fail "无法创建运行环境（Debian/Ubuntu 请先 sudo apt install python3-venv）。"
fi
"$VENV/bin/python" -m pip install -q --no-index --find-links "$WHEELS" --upgrade pip >/dev/null 2>&1 || true
"$VENV/bin/python" -m pip install -q --no-index --find-links "$WHEELS" --upgrade "gongwen@EXTRAS@" \
  || fail "从 $WHEELS 安装 gongwen 失败（见上面的信息）。"
"$VENV/bin/gongwen" --version >/dev/null || fail "gongwen 装好了却无法运行。"

# `gongwen` on the PATH of new terminals
mkdir -p "$HOME/.local/bin"
ln -sf "$VENV/bin/gongwen" "$HOME/.local/bin/gongwen"

# Where writing starts: a folder with the examples (never overwrites the writer's files)
DOCS=$(xdg-user-dir DOCUMENTS 2>/dev/null || true)
[ -n "$DOCS" ] && [ "$DOCS" != "$HOME" ] || DOCS="$HOME/Documents"
WORK="$DOCS/gongwen"
mkdir -p "$WORK/示例"
for f in "$HERE"/示例/*.yaml; do
  [ -e "$f" ] || continue
  [ -e "$WORK/示例/$(basename "$f")" ] || cp "$f" "$WORK/示例/"
done

# The launcher: the web page (gongwen serve); when it cannot start, a terminal with gongwen's help
START="$PREFIX/gongwen-start.sh"
cat >"$START" <<EOF
#!/bin/sh
cd "$WORK"
export PATH="$VENV/bin:\$PATH"
gongwen serve && exit 0
echo
echo "网页版没有启动，改用命令行窗口。"
gongwen --help
echo
echo "在这个窗口里输入 gongwen 命令，例如：gongwen build 示例/notice.yaml"
exec "\${SHELL:-/bin/sh}"
EOF
chmod 755 "$START"
DESK=$(xdg-user-dir DESKTOP 2>/dev/null || true)
[ -n "$DESK" ] && [ "$DESK" != "$HOME" ] || DESK="$HOME/Desktop"
mkdir -p "$DESK" "$HOME/.local/share/applications"
for entry in "$DESK/gongwen.desktop" "$HOME/.local/share/applications/gongwen.desktop"; do
  cat >"$entry" <<EOF
[Desktop Entry]
Type=Application
Name=gongwen
Comment=公文写作与检查（GB/T 9704-2012）
Exec="$START"
Path=$WORK
Terminal=true
Categories=Office;
EOF
  chmod 755 "$entry"
  command -v gio >/dev/null 2>&1 && gio set "$entry" metadata::trusted true >/dev/null 2>&1 || true
done

say "安装完成：gongwen $("$VENV/bin/gongwen" --version 2>/dev/null | sed 's/^[^0-9]*//')"
say "桌面上的「gongwen」：双击开始写作；示例在 $WORK/示例"
say "命令行：gongwen --help（新开的终端里可用；本窗口可用 $VENV/bin/gongwen）"
