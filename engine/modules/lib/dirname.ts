/**
 * `cx_dirname PATH` sets cx_dir to PATH's directory with parameter expansions,
 * so the usual path costs no `dirname` process; only a path with a trailing
 * slash (rare, and subtle: `a/b/` is in `a`) asks dirname(1).
 */
export const DIRNAME_FUNCTION = 'cx_dirname() { case $1 in */) cx_dir=$(dirname -- "$1");; /*/*) cx_dir=${1%/*};; /*) cx_dir=/;; */*) cx_dir=${1%/*};; *) cx_dir=.;; esac; }\n';
