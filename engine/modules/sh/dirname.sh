# cx_dirname PATH: sets cx_parent (and nothing else) to PATH's directory,
# with parameter expansions, so the usual path costs no dirname process;
# only a path with a trailing slash (rare, and subtle: `a/b/` is in `a`)
# asks dirname(1).
# shellcheck disable=SC2034 # its outputs are read by the scripts that include it
cx_dirname() {
  case $1 in
    */) cx_parent=$(dirname -- "$1") ;;
    /*/*) cx_parent=${1%/*} ;;
    /*) cx_parent=/ ;;
    */*) cx_parent=${1%/*} ;;
    *) cx_parent=. ;;
  esac
}
