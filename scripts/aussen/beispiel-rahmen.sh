# Prelude of the README examples run by readme-beispiele.test.ts (sourced before the blocks of one file).
# curl keeps its arguments, its output and its exit code; on top, a status other than 2xx fails the
# example, unless the example names the status it expects with a comment `# → 409` or `# → 409 CODE`
# (the test turns that into BEISPIEL_ERWARTET and BEISPIEL_CODE, the problem's `code`, for the command).
set -euo pipefail

curl() {
  local fehler antwort rc=0 status aufruf grund=''
  aufruf=$(printf '%s ' "$@" | sed -E 's/Bearer [A-Za-z0-9._-]+/Bearer …/g' | cut -c1-400)
  fehler=$(mktemp)
  antwort=$(mktemp)
  command curl "$@" --write-out '%{stderr}\n@@status %{http_code}\n' 2>"$fehler" >"$antwort" || rc=$?
  cat "$antwort"
  # curl's own messages pass on; its progress meter (stdout not a terminal) and the status line do not
  grep -v -e '^@@status ' -e '^$' -e '% Total' -e 'Dload  Upload' -e ':--:-' "$fehler" >&2 || true
  status=$(grep '^@@status ' "$fehler" | tail -n 1 | cut -d' ' -f2)
  if [ "$rc" -ne 0 ]; then
    grund="exit code $rc"
  elif [ -n "${BEISPIEL_ERWARTET:-}" ]; then
    if [ "$status" != "$BEISPIEL_ERWARTET" ]; then
      grund="status $status, the example says $BEISPIEL_ERWARTET"
    elif [ -n "${BEISPIEL_CODE:-}" ] && ! grep -q "\"code\":\"$BEISPIEL_CODE\"" "$antwort"; then
      grund="the problem's code is not $BEISPIEL_CODE, as the example says"
    fi
  elif [ "${status:0:1}" != 2 ]; then
    grund="status $status"
  fi
  rm -f "$fehler" "$antwort"
  if [ -n "$grund" ]; then
    echo "curl $aufruf: $grund" >&2
    [ "$rc" -ne 0 ] && return "$rc"
    return 22
  fi
}

trap 'echo "@@fehlgeschlagen: $BASH_COMMAND" >&2' ERR

# The platform is installed and running already (the reader's `pnpm start` in another terminal).
npm() { echo "(npm $*: pnpm is installed)" >&2; }
# what a guide installs with npm the repository has installed already; npx runs that copy
EAKTE_BIN="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
npx() {
  local d
  for d in "$EAKTE_BIN/scripts/node_modules/.bin" "$EAKTE_BIN/node_modules/.bin"; do
    if [ -x "$d/$1" ]; then "$d/$1" "${@:2}"; return; fi
  done
  echo "npx $1: not installed in the repository" >&2
  return 127
}
pnpm() {
  case "${1:-}" in
    start | install) echo "(pnpm $1: the platform of the test is running)" >&2 ;;
    *) command pnpm "$@" ;;
  esac
}
