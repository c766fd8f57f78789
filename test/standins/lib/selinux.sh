# The stand-in SELinux labels shared by stat, chcon and matchpathcon:
# `selinux/contexts` of $CXPLAY_STANDIN_STATE, `CONTEXT PATH` lines (the
# last line of a path wins); a path without one has the context a new file
# in a user's temp directory gets. Sourced, not run.

labels=$CXPLAY_STANDIN_STATE/selinux/contexts
NEW_FILE_CONTEXT=unconfined_u:object_r:user_tmp_t:s0

# label PATH: PATH's context.
label() {
  [ -f "$labels" ] || { printf '%s\n' "$NEW_FILE_CONTEXT"; return; }
  awk -v p="$(printf '%s' "$1" | sed 's/\\/\\\\/g')" '{ c = $1; sub(/^[^ ]* /, "") } $0 == p { found = c } END { print (found == "" ? "'"$NEW_FILE_CONTEXT"'" : found) }' "$labels"
}
