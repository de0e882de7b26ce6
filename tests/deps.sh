#!/bin/sh
# SPDX-License-Identifier: MIT
# What `make run` (build) and `make check` (test) need, probed the way the
# build uses it (libraries through pkg-config, tools on the PATH), and the
# Debian packages that provide what is missing. Nothing missing: nothing
# done, on any system. Something missing: installed with apt-get when run as
# root on Debian (the README's one command on a fresh machine), else named
# with the command to install it, and the status is 1.
# Usage: sh tests/deps.sh build|test [--dry-run]   (--dry-run: only say
# which packages are missing)
want=${1:-build}
dry=${2:-}
missing=

# probe KIND WHAT PACKAGE: KIND is cmd (a program), pc (a pkg-config
# module), py (a Python module) or fuzzer (clang's libFuzzer runtime).
probe() {
	case $1 in
	cmd) command -v "$2" >/dev/null 2>&1 ;;
	pc) command -v "${PKG_CONFIG:-pkg-config}" >/dev/null 2>&1 &&
		"${PKG_CONFIG:-pkg-config}" --exists "$2" ;;
	py) command -v python3 >/dev/null 2>&1 && python3 -c "import $2" 2>/dev/null ;;
	fuzzer) fuzzer_ok ;;
	esac || missing="$missing $3"
}

# Links a one-line fuzz target: the runtime is there, whatever its version.
fuzzer_ok() {
	command -v clang >/dev/null 2>&1 || return 1
	tmp=$(mktemp -d) || return 1
	echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }' \
		>"$tmp/f.c"
	clang -fsanitize=fuzzer -o "$tmp/f" "$tmp/f.c" >/dev/null 2>&1
	rc=$?
	rm -rf "$tmp"
	return $rc
}

# The Debian package of the runtime the installed clang needs: named after
# its major version (clang 14: libclang-rt-14-dev).
fuzzer_package() {
	major=$(clang -dumpversion 2>/dev/null | cut -d. -f1)
	echo "libclang-rt-${major:-14}-dev"
}

probe_all() {
	missing=
	probe cmd cc gcc
	probe cmd make make
	probe cmd pkg-config pkg-config
	probe pc yaml-0.1 libyaml-dev
	probe pc libutf8proc libutf8proc-dev
	probe pc ncursesw libncurses-dev
	[ "$want" = test ] || return 0
	probe pc cmocka libcmocka-dev
	probe cmd tmux tmux
	probe cmd valgrind valgrind
	probe cmd clang clang
	# Once clang is there: the runtime its -fsanitize=fuzzer links.
	command -v clang >/dev/null 2>&1 && probe fuzzer - "$(fuzzer_package)"
	probe cmd dot graphviz
	probe cmd python3 python3
	probe py icalendar python3-icalendar
	probe cmd mandoc mandoc
	probe cmd mkfs.vfat dosfstools
	probe cmd fusefat fusefat
	probe cmd strace strace
	probe cmd faketime faketime
}

install() {
	if [ "$dry" = --dry-run ]; then
		echo "remedies: missing Debian packages:$missing"
		exit 1
	fi
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "remedies: missing:$missing (Debian package names; install them with your system's tools)" >&2
		exit 1
	fi
	if [ "$(id -u)" != 0 ]; then
		echo "remedies: missing Debian packages:$missing" >&2
		echo "remedies: install them as root with: su -c 'apt-get install$missing'" >&2
		echo "remedies: (or, where sudo is set up: sudo apt-get install$missing)" >&2
		exit 1
	fi
	echo "remedies: installing$missing"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
}

probe_all
[ -z "$missing" ] && exit 0
install || exit 1
# clang's runtime is named after the clang just installed: probe again.
probe_all
[ -z "$missing" ] && exit 0
install
