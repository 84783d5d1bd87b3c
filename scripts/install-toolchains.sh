#!/bin/sh
# Installs what the judge worker needs on a Debian 12 host or image: bubblewrap
# for the sandbox, and the toolchains of the languages it offers. The worker detects what is
# really installed at start-up (Judge.languages()), so a language whose package is missing is
# simply not offered. Everything must land under /usr: the sandbox binds only /usr.
#
# Usage: scripts/install-toolchains.sh [--minimal]
#   default:   the sandbox plus every Debian toolchain the judge has an id for (DESIGN.md
#              "The judge"); a fresh install of all of them took 2 min 22 s here (apt-get
#              update included), so CI installs them all.
#   --minimal: the sandbox plus C, C++, Python 3, Node.js and Java 17
set -eu

if [ "$(id -u)" -ne 0 ]; then
  echo "run as root (apt-get)" >&2
  exit 1
fi

packages="bubblewrap gcc g++ python3 nodejs openjdk-17-jdk-headless"
if [ "${1:-}" != "--minimal" ]; then
  # node-typescript: /usr/share/nodejs/typescript, transpiled inside the sandbox;
  # mono-runtime: mcs alone does not pull the runtime in with --no-install-recommends.
  # scala (2.11, run on the JDK above), ocaml-nox, sbcl, swi-prolog-nox: the Kattis languages
  # Scala, OCaml, Common Lisp and Prolog.
  packages="$packages node-typescript golang-go rustc pypy3 ruby php-cli mono-mcs mono-runtime kotlin ghc fpc lua5.4"
  packages="$packages scala ocaml-nox sbcl swi-prolog-nox"
fi

export DEBIAN_FRONTEND=noninteractive
# Every package already installed (a CI machine that ran this before): nothing to fetch.
# shellcheck disable=SC2086 # word splitting of the package list is intended
if ! dpkg-query -W -f '${Status}\n' $packages 2>/dev/null | grep -qv '^install ok installed$' \
  && [ "$(dpkg-query -W -f '${Status}\n' $packages 2>/dev/null | wc -l)" -eq "$(echo $packages | wc -w)" ]; then
  echo "toolchains: all installed"
else
  apt-get update
  # shellcheck disable=SC2086
  apt-get install -y --no-install-recommends $packages
fi

# Boxes run as uids and gids of their own, SANDBOX_UID..+SANDBOX_UID_COUNT (60000..60099 by
# default), which need no passwd entry: pick a range no account on the host uses. Do not pass
# this system user's uid as SANDBOX_UID: the range above it runs into real accounts.
if ! getent passwd judge-sandbox >/dev/null; then
  useradd --system --no-create-home --shell /usr/sbin/nologin judge-sandbox
fi
echo "sandbox user: judge-sandbox uid=$(id -u judge-sandbox) gid=$(id -g judge-sandbox)"
