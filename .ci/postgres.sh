# shellcheck shell=bash
# Starts a throwaway PostgreSQL server for kg's PostgreSQL tests.
#
#   source .ci/postgres.sh      # from .ci/run, before go test ./...
#   go test ./...               # the postgres tests now run against it
#   kg_postgres_stop            # optional: stop it early (also runs at exit)
#
# It installs PostgreSQL from Debian's packages when no server binaries are
# found, creates a cluster in a temporary folder owned by an unprivileged
# user (the server refuses to run as root), starts it on a loopback port
# (127.0.0.1:55432 unless KG_PG_PORT says otherwise; the next free port when
# that one is taken), creates the database kgtest and exports
#
#   KG_TEST_POSTGRES=postgres://kg@127.0.0.1:PORT/kgtest?sslmode=disable
#
# The user kg is the cluster's superuser, so tests may create a database
# each. The cluster runs with fsync off: it is for tests only, and removed
# at exit. Nothing is downloaded except the Debian packages, when missing.

kg_postgres_start() {
  local bindir user port tmp
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "postgres.sh: PostgreSQL is not installed and installing it needs root" >&2
      return 1
    fi
    echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || return 1
    apt-get install -y -qq postgresql >&2 || return 1
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bindir" ]; then
      echo "postgres.sh: postgresql installed but no server binaries under /usr/lib/postgresql" >&2
      return 1
    fi
  fi

  # The server refuses to run as root: run it as postgres (created by the
  # Debian package) or, failing that, as a user made for the purpose.
  local -a as=()
  if [ "$(id -u)" -eq 0 ]; then
    user=postgres
    if ! id "$user" >/dev/null 2>&1; then
      user=kgci
      id "$user" >/dev/null 2>&1 || useradd --system --no-create-home "$user" || return 1
    fi
    as=(runuser -u "$user" --)
  fi

  tmp=$(mktemp -d /tmp/kg-postgres.XXXXXX) || return 1
  KG_POSTGRES_DIR=$tmp
  KG_POSTGRES_BIN=$bindir
  KG_POSTGRES_AS="${as[*]}"
  chmod 755 "$tmp"
  [ "${#as[@]}" -eq 0 ] || chown "$user" "$tmp"

  port=${KG_PG_PORT:-55432}
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done

  "${as[@]}" "$bindir/initdb" --no-sync -A trust -U kg -E UTF8 -D "$tmp/data" >"$tmp/initdb.log" 2>&1 || {
    cat "$tmp/initdb.log" >&2
    return 1
  }
  "${as[@]}" "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
    start >/dev/null || {
    cat "$tmp/server.log" >&2
    return 1
  }
  "$bindir/createdb" -h 127.0.0.1 -p "$port" -U kg kgtest || return 1
  export KG_TEST_POSTGRES="postgres://kg@127.0.0.1:$port/kgtest?sslmode=disable"
  echo "postgres.sh: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') at $KG_TEST_POSTGRES" >&2
}

kg_postgres_stop() {
  if [ -n "${KG_POSTGRES_DIR:-}" ] && [ -d "$KG_POSTGRES_DIR" ]; then
    # shellcheck disable=SC2086
    $KG_POSTGRES_AS "$KG_POSTGRES_BIN/pg_ctl" -D "$KG_POSTGRES_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$KG_POSTGRES_DIR"
  fi
  KG_POSTGRES_DIR=
  unset KG_TEST_POSTGRES
}

if kg_postgres_start; then
  # Stop the server when the sourcing shell exits, unless it already has an
  # exit trap of its own (then it should call kg_postgres_stop itself).
  if [ -z "$(trap -p EXIT)" ]; then
    trap kg_postgres_stop EXIT
  fi
else
  echo "postgres.sh: could not start PostgreSQL; the postgres tests will be skipped" >&2
  kg_postgres_stop
  # Sourced from a script under set -e: failing here fails CI, which is
  # what a missing database server should do there.
  [ -z "${CI:-}" ] || return 1 2>/dev/null || exit 1
fi
