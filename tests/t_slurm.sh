#!/bin/sh
# examples/slurm-array.sh on a one-node Slurm brought up here: munged,
# slurmctld and slurmd with their keys, configuration, state and logs
# in the test's directory, started and stopped by the test.  The array
# over 200 files must give byte-identical outputs to -j, a report per
# task, and a merged report with every file once.  Skips, saying why,
# only where Slurm cannot start (not root, packages missing).
. "${top_srcdir:-.}/tests/lib.sh"

[ "$(id -u)" -eq 0 ] || skip "Slurm's daemons need root here"
for c in munged slurmctld slurmd sbatch sinfo squeue scontrol python3; do
	command -v $c >/dev/null 2>&1 ||
	    PATH=$PATH:/usr/sbin command -v $c >/dev/null 2>&1 ||
	    skip "$c not found (install-deps.sh installs slurm-wlm and munge)"
done
PATH=$PATH:/usr/sbin

pids=
stop() {
	for p in $pids; do
		kill "$p" 2>/dev/null
	done
	for p in $pids; do
		i=0
		while kill -0 "$p" 2>/dev/null && [ $i -lt 100 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		kill -9 "$p" 2>/dev/null
	done
	rm -rf "$T"
}
trap stop EXIT

# Bounded wait: until "$@" succeeds, at most $w tenths of a second.
until_ok() {
	i=0
	while ! "$@" >/dev/null 2>&1; do
		[ $i -lt $w ] || return 1
		sleep 0.1
		i=$((i + 1))
	done
}

# The logs, for a failure.
logs() {
	for f in "$T"/s/*.log "$T"/m/munged.log; do
		[ -f "$f" ] && { echo "--- $f"; tail -n 20 "$f"; }
	done
}
die() { logs >&2; fail "$*"; }

# ---- munge: a key of our own, a socket in $T.
mkdir -m 700 "$T/m"
dd if=/dev/urandom of="$T/m/munge.key" bs=1024 count=1 2>/dev/null
chmod 400 "$T/m/munge.key"
munged -f --key-file="$T/m/munge.key" --socket="$T/m/munge.socket" \
    --pid-file="$T/m/munged.pid" --log-file="$T/m/munged.log" \
    --seed-file="$T/m/munged.seed" ||
    skip "munged does not start: $(tail -n 3 "$T/m/munged.log" 2>/dev/null)"
w=50
until_ok test -s "$T/m/munged.pid" || skip "munged wrote no pid file"
pids="$(cat "$T/m/munged.pid")"

# ---- Slurm: one node, this machine; ports from our process id, so
# that two runs of the test do not meet.
host=$(hostname -s)
cpus=$(nproc)
base=$((20000 + ($$ % 4000) * 2))
mkdir -p "$T/s/state" "$T/s/spool"
cat >"$T/s/slurm.conf" <<CONF
ClusterName=dctest$$
SlurmctldHost=$host
SlurmctldPort=$base
SlurmdPort=$((base + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$T/m/munge.socket
StateSaveLocation=$T/s/state
SlurmdSpoolDir=$T/s/spool
SlurmctldPidFile=$T/s/slurmctld.pid
SlurmdPidFile=$T/s/slurmd.pid
SlurmctldLogFile=$T/s/slurmctld.log
SlurmdLogFile=$T/s/slurmd.log
ProctrackType=proctrack/pgid
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
MpiDefault=none
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=dctest Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$T/s/slurm.conf"
slurmctld -i -f "$SLURM_CONF" || skip "slurmctld does not start: $(tail -n 3 "$T/s/slurmctld.log" 2>/dev/null)"
w=100
until_ok test -s "$T/s/slurmctld.pid" || skip "slurmctld wrote no pid file: $(logs)"
pids="$pids $(cat "$T/s/slurmctld.pid")"
slurmd -f "$SLURM_CONF" || skip "slurmd does not start: $(tail -n 3 "$T/s/slurmd.log" 2>/dev/null)"
until_ok test -s "$T/s/slurmd.pid" || skip "slurmd wrote no pid file: $(logs)"
pids="$pids $(cat "$T/s/slurmd.pid")"
idle() { sinfo -h -o %T | grep -q '^idle'; }
w=300
until_ok idle || skip "the node never came up idle: $(sinfo 2>&1; logs)"

# ---- 200 files, converted by -j 2 and by a 4-task array.
# make bench runs this with BENCH_FILES=20000 and prints the times.
N=${BENCH_FILES:-200}
python3 "$top_srcdir/tests/tiny_corpus.py" "$T/in" "$N"
find "$T/in" -name "*.txt" | sort >"$T/list"
export SOURCE_DATE_EPOCH=1600000000
s0=$(date +%s.%N)
"$DOCCONV" -q -j 2 --files-from "$T/list" --tei --epub -o "$T/j" ||
    fail "-j 2: exit $?"
s1=$(date +%s.%N)
echo "-j 2: $N files in $(awk -v a="$s0" -v b="$s1" 'BEGIN { printf "%.2f", b - a }') s"
ids=$(DOCCONV="$DOCCONV" sh "$top_srcdir/examples/slurm-array.sh" submit \
    "$T/list" "$T/a" 4 --tei --epub) || die "sbatch failed: $ids"
merge=${ids#* }
done_merge() { [ -s "$T/a/report.jsonl" ] && ! squeue -h -j "$merge" 2>/dev/null | grep -q .; }
w=$((900 + N / 5))
until_ok done_merge || die "the array did not finish in $((w / 10)) s: $(squeue 2>&1)"
s2=$(date +%s.%N)
echo "Slurm array of 4 tasks: $N files in $(awk -v a="$s1" -v b="$s2" 'BEGIN { printf "%.2f", b - a }') s (submission to merged report)"
for k in 0 1 2 3; do
	[ -s "$T/a/reports/report.$k.jsonl" ] || die "task $k wrote no report"
done
rm -rf "$T/a/reports"
mv "$T/a/report.jsonl" "$T/report.jsonl"
diff -r "$T/j" "$T/a" >"$T/diff" || fail "the array's outputs differ from -j 2: $(head -n 5 "$T/diff")"
python3 "$top_srcdir/tests/t_batch.py" merged "$T/report.jsonl" "$T/list" ||
    fail "the merged report is wrong"
echo "Slurm array: $N files in 4 tasks, outputs identical to -j 2"
pass
