# A task's flags: a list of words a module script passes as one argument
# (engine/modules/lib/flags.ts). Needs nothing.

# cx_flags_set FLAGS: the words cx_flag asks about (kept in cx_flags).
cx_flags_set() { cx_flags=" $1 "; }

# cx_flag WORD: true when the flags given to cx_flags_set hold WORD.
cx_flag() { case $cx_flags in *" $1 "*) return 0 ;; esac; return 1; }
