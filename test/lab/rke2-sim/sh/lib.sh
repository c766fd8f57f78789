# Sourced by every stand-in of the RKE2 simulator (not RKE2). Host state lives
# in /var/lib/cxsim (a tmpfs of each lab host); cluster state in $CXSIM_CLUSTER,
# a directory shared by all hosts of a lab (named in /var/lib/cxsim/env).
[ -r /var/lib/cxsim/env ] || { echo "cxsim: /var/lib/cxsim/env missing: not a simulated lab host" >&2; exit 1; }
. /var/lib/cxsim/env
CXSIM_HOST=/var/lib/cxsim
CL=$CXSIM_CLUSTER

# Every invocation is recorded, so tests can prove no secret was ever an argument.
cxsim_log_argv() { printf '%s %s: %s\n' "$(date +%s)" "$(cat /proc/sys/kernel/hostname)" "$*" >> "$CL/argv.log"; }

# A lock left by a killed stand-in is taken over after about 5 s.
cxsim_lock() {
  tries=0
  while ! mkdir "$CL/.lock" 2>/dev/null; do
    tries=$((tries + 1))
    [ $tries -ge 250 ] && { rmdir "$CL/.lock" 2>/dev/null; tries=0; }
    sleep 0.02
  done
}
cxsim_unlock() { rmdir "$CL/.lock" 2>/dev/null || true; }

# Scalar value of a top-level key of an RKE2 config.yaml or its config.yaml.d/*.yaml drop-ins (quotes removed).
cxsim_cfg() {
  [ -f /etc/rancher/rke2/config.yaml ] || return 0
  cat /etc/rancher/rke2/config.yaml /etc/rancher/rke2/config.yaml.d/*.yaml 2>/dev/null | sed -n "s/^$1:[[:space:]]*//p" | head -n 1 | sed 's/^"\(.*\)"$/\1/; s/^'"'"'\(.*\)'"'"'$/\1/'
}

# Items of a top-level list key (block style "- x" or flow style ["x", "y"]).
cxsim_cfg_list() {
  [ -f /etc/rancher/rke2/config.yaml ] || return 0
  awk -v key="$1" '
    function clean(s) { gsub(/^[[:space:]]+|[[:space:]]+$/, "", s); gsub(/^["'\'']|["'\'']$/, "", s); return s }
    $0 ~ "^" key ":" { inlist = 1; rest = substr($0, length(key) + 2); gsub(/^[[:space:]]+/, "", rest)
      if (rest ~ /^\[/) { gsub(/^\[|\][[:space:]]*$/, "", rest); n = split(rest, parts, ","); for (i = 1; i <= n; i++) if (clean(parts[i]) != "") print clean(parts[i]); inlist = 0 }
      else if (rest != "") { print clean(rest); inlist = 0 }
      next }
    inlist && /^[[:space:]]*-[[:space:]]/ { sub(/^[[:space:]]*-[[:space:]]+/, ""); print clean($0); next }
    inlist && /^[^[:space:]#]/ { inlist = 0 }
  ' /etc/rancher/rke2/config.yaml
}

# Minimal JSON string escaping (backslash and double quote).
cxsim_json_str() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }

# A node is schedulable when Ready, not cordoned and without a NoSchedule/NoExecute taint.
cxsim_schedulable() {
  n="$CL/nodes/$1"
  [ "$(cat "$n/ready" 2>/dev/null)" = 1 ] || return 1
  [ "$(cat "$n/unschedulable" 2>/dev/null)" = 1 ] && return 1
  grep -q '|No\(Schedule\|Execute\)$' "$n/taints" 2>/dev/null && return 1
  return 0
}

# Give every pending Deployment pod (file content empty) a schedulable node.
cxsim_schedule_pending() {
  [ -d "$CL/pods" ] || return 0
  for pod in "$CL"/pods/*/*; do
    [ -f "$pod" ] || continue
    [ -s "$pod" ] && continue
    for node in $(ls "$CL/nodes" 2>/dev/null); do
      if cxsim_schedulable "$node"; then printf '%s\n' "$node" > "$pod"; break; fi
    done
  done
}

# A pod for Deployment $2 in namespace $1 (name: deployment-<5 hex>), scheduled when possible.
cxsim_add_deployment_pod() {
  mkdir -p "$CL/pods/$1"
  suffix=$(printf '%s/%s' "$1" "$2" | cksum | cut -c1-5)
  pod="$CL/pods/$1/$2-$suffix"
  [ -e "$pod" ] || : > "$pod"
  cxsim_schedule_pending
}
