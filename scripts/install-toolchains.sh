#!/bin/sh
# Installs what the judge worker needs on a Debian 12 host or image: bubblewrap
# for the sandbox, and the toolchains of the languages it offers. The worker detects what is
# really installed at start-up (Judge.languages()), so a language whose package is missing is
# simply not offered. Everything must land under /usr: the sandbox binds only /usr.
#
# Usage: scripts/install-toolchains.sh [--all]
#   default: the sandbox plus C, C++, Python 3, Node.js and Java 17
#   --all:   also the Debian toolchains the judge has ids for (see DESIGN.md "The judge")
set -eu

if [ "$(id -u)" -ne 0 ]; then
  echo "run as root (apt-get)" >&2
  exit 1
fi

packages="bubblewrap gcc g++ python3 nodejs openjdk-17-jdk-headless"
if [ "${1:-}" = "--all" ]; then
  packages="$packages pypy3 ruby php-cli golang-go mono-mcs kotlin ghc fpc lua5.4"
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
# shellcheck disable=SC2086 # word splitting of the package list is intended
apt-get install -y --no-install-recommends $packages

# The sandbox user: 65534 (nobody) by default. A dedicated one keeps sandboxed processes apart
# from anything else that runs as nobody; pass its uid/gid to the worker (SANDBOX_UID/GID).
if ! getent passwd judge-sandbox >/dev/null; then
  useradd --system --no-create-home --shell /usr/sbin/nologin judge-sandbox
fi
echo "sandbox user: judge-sandbox uid=$(id -u judge-sandbox) gid=$(id -g judge-sandbox)"
