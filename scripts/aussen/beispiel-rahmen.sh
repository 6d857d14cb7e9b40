# Prelude of the README examples run by readme-beispiele.test.ts (sourced before the blocks of one file).
# curl keeps its arguments, its output and its exit code; on top, a status other than 2xx fails the
# example, unless the example names the status it expects with a comment `# → 409` (the test turns that
# into BEISPIEL_ERWARTET for the command).
set -euo pipefail

curl() {
  local fehler rc=0 status aufruf
  aufruf=$(printf '%s ' "$@" | sed -E 's/Bearer [A-Za-z0-9._-]+/Bearer …/g' | cut -c1-400)
  fehler=$(mktemp)
  command curl "$@" --write-out '%{stderr}\n@@status %{http_code}\n' 2>"$fehler" || rc=$?
  # curl's own messages pass on; its progress meter (stdout not a terminal) and the status line do not
  grep -v -e '^@@status ' -e '^$' -e '% Total' -e 'Dload  Upload' -e ':--:-' "$fehler" >&2 || true
  status=$(grep '^@@status ' "$fehler" | tail -n 1 | cut -d' ' -f2)
  rm -f "$fehler"
  if [ "$rc" -ne 0 ]; then
    echo "curl $aufruf: exit code $rc" >&2
    return "$rc"
  fi
  if [ -n "${BEISPIEL_ERWARTET:-}" ]; then
    if [ "$status" != "$BEISPIEL_ERWARTET" ]; then
      echo "curl $aufruf: status $status, the example says $BEISPIEL_ERWARTET" >&2
      return 22
    fi
  elif [ "${status:0:1}" != 2 ]; then
    echo "curl $aufruf: status $status" >&2
    return 22
  fi
}

trap 'echo "@@fehlgeschlagen: $BASH_COMMAND" >&2' ERR
