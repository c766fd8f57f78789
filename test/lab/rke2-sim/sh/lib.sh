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

# Seconds a simulated step takes: <cluster>/timing holds NAME=SECONDS lines, written by
# the lab (start: systemctl start of rke2; node_ready: a started node until Ready; rollout:
# a scheduled pod until ready; webhook: MetalLB's webhook after its controller is ready).
cxsim_delay() { v=$(sed -n "s/^$1=//p" "$CL/timing" 2>/dev/null | head -n 1); case $v in ''|*[!0-9]*) echo 0 ;; *) echo "$v" ;; esac; }

# Value of label $2 of node $1 (kubernetes.io/hostname is its name).
cxsim_node_label() {
  [ "$2" = kubernetes.io/hostname ] && { echo "$1"; return; }
  sed -n "s|^$2=||p" "$CL/nodes/$1/labels" 2>/dev/null | head -n 1
}

# A node is schedulable when Ready, not cordoned and without a NoSchedule/NoExecute taint.
cxsim_schedulable() {
  n="$CL/nodes/$1"
  [ "$(cat "$n/ready" 2>/dev/null)" = 1 ] || return 1
  [ "$(cat "$n/unschedulable" 2>/dev/null)" = 1 ] && return 1
  grep -q '|No\(Schedule\|Execute\)$' "$n/taints" 2>/dev/null && return 1
  return 0
}

# Pod metadata beside the pod file (<cluster>/pods/<ns>/<pod> holds only its node):
# <cluster>/podmeta/<ns>/<pod>/ owner (its Deployment), image, labels (k=v lines), spread
# (topology key of a DoNotSchedule spread constraint), ready_at (containers starting until
# then), ready_since, failed (why it never gets ready, e.g. ErrImagePull).
cxsim_podmeta() { printf '%s/podmeta/%s/%s\n' "$CL" "$(basename "$(dirname "$1")")" "$(basename "$1")"; }

# Pending, ContainerCreating, Running or why it failed (ImagePullBackOff).
cxsim_pod_state() {
  [ -s "$1" ] || { echo Pending; return; }
  m=$(cxsim_podmeta "$1")
  if [ -f "$m/failed" ]; then cat "$m/failed"; elif [ -f "$m/ready_at" ]; then echo ContainerCreating; else echo Running; fi
}

# The pod got node $2: its containers start (rollout delay) unless its image cannot be
# pulled (<cluster>/registry/unpullable lists image prefixes, one a line).
cxsim_pod_placed() {
  printf '%s\n' "$2" > "$1"
  m=$(cxsim_podmeta "$1"); mkdir -p "$m"; rm -f "$m/ready_at" "$m/ready_since" "$m/failed"
  image=$(cat "$m/image" 2>/dev/null)
  if [ -n "$image" ] && [ -f "$CL/registry/unpullable" ]; then
    while IFS= read -r prefix; do
      [ -n "$prefix" ] || continue
      case $image in "$prefix"*) echo ImagePullBackOff > "$m/failed"; return ;; esac
    done < "$CL/registry/unpullable"
  fi
  echo $(( $(date +%s) + $(cxsim_delay rollout) )) > "$m/ready_at"
}

# A node for a pending pod: the first schedulable one; with a spread constraint only nodes
# that have the topology label, the least used value first (maxSkew 1, DoNotSchedule).
cxsim_pick_node() {
  m=$(cxsim_podmeta "$1"); key=$(cat "$m/spread" 2>/dev/null); owner=$(cat "$m/owner" 2>/dev/null)
  best= best_count=
  for node in $(ls "$CL/nodes" 2>/dev/null); do
    cxsim_schedulable "$node" || continue
    [ -n "$key" ] || { echo "$node"; return 0; }
    value=$(cxsim_node_label "$node" "$key")
    [ -n "$value" ] || continue
    count=0
    for other in "$(dirname "$1")"/*; do
      [ -s "$other" ] && [ "$(cat "$(cxsim_podmeta "$other")/owner" 2>/dev/null)" = "$owner" ] || continue
      [ "$(cxsim_node_label "$(cat "$other")" "$key")" = "$value" ] && count=$((count + 1))
    done
    if [ -z "$best" ] || [ "$count" -lt "$best_count" ]; then best=$node best_count=$count; fi
  done
  [ -n "$best" ] && echo "$best"
}

# Give every pending Deployment pod (file content empty) a schedulable node.
cxsim_schedule_pending() {
  [ -d "$CL/pods" ] || return 0
  for pod in "$CL"/pods/*/*; do
    [ -f "$pod" ] || continue
    [ -s "$pod" ] && continue
    node=$(cxsim_pick_node "$pod") && [ -n "$node" ] && cxsim_pod_placed "$pod" "$node"
  done
  return 0
}

# Time goes on when someone looks: a started node whose delay has passed is Ready, a pod
# whose containers started is ready. kubectl and helm call this first.
cxsim_tick() {
  now=$(date +%s) woke=0
  for f in "$CL"/nodes/*/ready_at; do
    [ -f "$f" ] && [ "$(cat "$f")" -le "$now" ] || continue
    echo 1 > "${f%/ready_at}/ready"; rm -f "$f"; woke=1
  done
  for f in "$CL"/podmeta/*/*/ready_at; do
    [ -f "$f" ] && [ "$(cat "$f")" -le "$now" ] || continue
    mv "$f" "${f%/ready_at}/ready_since"
  done
  [ $woke = 0 ] || cxsim_schedule_pending
}

# Pods of Deployment $2 in namespace $1: $3 replicas (default 1) of image $4, labels $5
# (k=v lines), spread over topology key $6. Named deployment-<5 hex>[-<n>], scheduled when possible.
cxsim_add_deployment_pod() {
  mkdir -p "$CL/pods/$1"
  suffix=$(printf '%s/%s' "$1" "$2" | cksum | cut -c1-5)
  i=1
  while [ $i -le "${3:-1}" ]; do
    pod="$CL/pods/$1/$2-$suffix"; [ $i = 1 ] || pod="$pod-$i"
    if [ ! -e "$pod" ]; then
      : > "$pod"; m=$(cxsim_podmeta "$pod"); mkdir -p "$m"
      echo "$2" > "$m/owner"
      [ -z "${4:-}" ] || echo "$4" > "$m/image"
      printf '%s\n' "${5:-}" | grep = > "$m/labels" || true
      [ -z "${6:-}" ] || echo "$6" > "$m/spread"
    fi
    i=$((i + 1))
  done
  cxsim_schedule_pending
}

# A (re)started node: Ready after the node_ready delay (a node still Ready stays so).
cxsim_node_starting() {
  [ "$(cat "$1/ready" 2>/dev/null)" = 1 ] && return 0
  delay=$(cxsim_delay node_ready)
  if [ "$delay" = 0 ]; then echo 1 > "$1/ready"; rm -f "$1/ready_at"; else echo 0 > "$1/ready"; echo $(( $(date +%s) + delay )) > "$1/ready_at"; fi
}

# Helm releases: <cluster>/releases/<ns>/<name>/ (revision, chart, app_version, updated,
# values.yaml, status, objects: "kind namespace name" lines). An object a release made has
# <object>.owner = "release namespace", as helm's meta.helm.sh/release-* annotations.
cxsim_release_write() {  # ns name chart-version app-version values-file status
  r=$CL/releases/$1/$2
  mkdir -p "$r"
  if [ -f "$r/revision" ]; then rev=$(( $(cat "$r/revision") + 1 )); else rev=1; fi
  echo "$rev" > "$r/revision"; echo "$3" > "$r/chart"; echo "$4" > "$r/app_version"
  date -u '+%Y-%m-%d %H:%M:%S.000000000 +0000 UTC' > "$r/updated"
  if [ -n "$5" ]; then cp "$5" "$r/values.yaml" || return 1; else echo '{}' > "$r/values.yaml"; fi
  echo "$6" > "$r/status"
  touch "$r/objects"
}
cxsim_object_dir() { case $2 in _cluster|'') echo "$CL/objects/$1/_cluster" ;; *) echo "$CL/objects/$1/$2" ;; esac; }
# Fails as helm does when the object exists and another release (or none) owns it.
cxsim_object_adoptable() {  # kind ns name release release-ns Kind
  f=$(cxsim_object_dir "$1" "$2")/$3
  [ -f "$f.yaml" ] || return 0
  owner=$(cat "$f.owner" 2>/dev/null)
  [ "$owner" = "$4 $5" ] && return 0
  printf 'Error: rendered manifests contain a resource that already exists. Unable to continue with install: %s "%s" in namespace "%s" exists and cannot be imported into the current release: invalid ownership metadata; annotation validation error: key "meta.helm.sh/release-name" must equal "%s": current value is "%s"; annotation validation error: key "meta.helm.sh/release-namespace" must equal "%s": current value is "%s"\n' \
    "$6" "$3" "$( [ "$2" = _cluster ] || echo "$2")" "$4" "${owner%% *}" "$5" "${owner#* }" >&2
  return 1
}
# Object text on stdin, owned by release $4 in namespace $5.
cxsim_object_put() {  # kind ns name release release-ns
  d=$(cxsim_object_dir "$1" "$2"); mkdir -p "$d"
  cat > "$d/$3.yaml"; echo "$4 $5" > "$d/$3.owner"
  grep -qxF "$1 $2 $3" "$CL/releases/$5/$4/objects" 2>/dev/null || echo "$1 $2 $3" >> "$CL/releases/$5/$4/objects"
}
cxsim_release_delete() {  # ns name
  r=$CL/releases/$1/$2
  [ -d "$r" ] || return 0
  while read -r kind ons oname; do
    rm -f "$(cxsim_object_dir "$kind" "$ons")/$oname.yaml" "$(cxsim_object_dir "$kind" "$ons")/$oname.owner"
    [ "$kind" = deployment ] && cxsim_remove_deployment_pods "$ons" "$oname"
  done < "$r/objects"
  rm -rf "$r"
}

# RKE2 deploys rke2-ingress-nginx (its helm controller installs the chart: a DaemonSet and
# the IngressClass nginx) on every server start unless config.yaml has
# disable: [rke2-ingress-nginx]; disabling it later removes it (rancher/rke2#2467).
cxsim_packaged_components() {
  if cxsim_cfg_list disable | grep -qx rke2-ingress-nginx; then
    cxsim_release_delete kube-system rke2-ingress-nginx
    return 0
  fi
  [ -d "$CL/releases/kube-system/rke2-ingress-nginx" ] && return 0
  cxsim_release_write kube-system rke2-ingress-nginx rke2-ingress-nginx-4.10.501 1.10.5 '' deployed
  printf 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\nspec:\n  controller: k8s.io/ingress-nginx\n' |
    cxsim_object_put ingressclass _cluster nginx rke2-ingress-nginx kube-system
  printf 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: rke2-ingress-nginx-controller\n  namespace: kube-system\n' |
    cxsim_object_put daemonset kube-system rke2-ingress-nginx-controller rke2-ingress-nginx kube-system
}

# Remove the pods of Deployment $2 in namespace $1 (a changed pod template replaces them).
cxsim_remove_deployment_pods() {
  for pod in "$CL/pods/$1/$2"-*; do
    [ -f "$pod" ] && [ "$(cat "$(cxsim_podmeta "$pod")/owner" 2>/dev/null)" = "$2" ] || continue
    rm -rf "$pod" "$(cxsim_podmeta "$pod")"
  done
}

# Key=value lines of the mapping at dotted path $2 of YAML file $1 (block style; list items
# are looked through, so spec.template.spec.containers.image finds a container's image).
cxsim_yaml_map() {
  awk -v want="$2." -v list="${3:-}" '
    /^[[:space:]]*(#|$)/ || /^---/ { next }
    { match($0, /^ */); ind = RLENGTH; line = substr($0, ind + 1) }
    { item = 0 }
    line ~ /^- / { line = substr(line, 3); ind += 2; item = 1 }
    { while (depth > 0 && ind <= sind[depth]) depth--
      key = line; sub(/:.*/, "", key); val = line
      if (index(val, ":")) sub(/^[^:]*:[[:space:]]*/, "", val); else val = ""
      path = ""; for (i = 1; i <= depth; i++) path = path skey[i] "."
      if (list && item && index(line, ":") == 0 && path == want) { gsub(/^["\047]|["\047]$/, "", line); print line; next }
      if (!list && path == want && val != "") { gsub(/^["\047]|["\047]$/, "", val); print key "=" val }
      depth++; sind[depth] = ind; skey[depth] = key }
  ' "$1"
}

# Scalar items of the list at dotted path $2 of YAML file $1.
cxsim_yaml_list() { cxsim_yaml_map "$1" "$2" list; }

# Scalar at dotted path $2 of YAML file $1 ("" when absent).
cxsim_yaml_get() {
  parent=${2%.*}; [ "$parent" = "$2" ] && parent=
  leaf=${2##*.}
  if [ -n "$parent" ]; then cxsim_yaml_map "$1" "$parent"; else awk '/^[^[:space:]#-][^:]*:[[:space:]]*[^[:space:]]/ { k = $0; sub(/:.*/, "", k); v = $0; sub(/^[^:]*:[[:space:]]*/, "", v); gsub(/^["\047]|["\047]$/, "", v); print k "=" v }' "$1"; fi | sed -n "s|^$leaf=||p" | head -n 1
}
