#!/bin/sh
# docconv over a Slurm job array: a file list split across the array's
# tasks, each task one docconv over its share (with -j for the CPUs
# Slurm gave it), one report per task, merged by a last job that waits
# for the array.
#
# Usage: examples/slurm-array.sh submit LIST OUT TASKS [DOCCONV-OPTION...]
#
#   LIST   the files to convert, one a line, with paths every node sees
#   OUT    the output directory (shared); OUT/reports/ gets
#          report.TASK.jsonl per task, OUT/report.jsonl is all of them
#   TASKS  how many array tasks
#
#   examples/slurm-array.sh submit list.txt /shared/out 64 --tei
#
# prints the array's and the merging job's ids.  sbatch options go in
# SBATCH_* variables (SBATCH_PARTITION, SBATCH_TIMELIMIT, ...) or, for
# the tasks' CPUs, CPUS (default 1).  Submitted again after an
# interruption, --skip-existing converts only what is missing.
#
# Task k of n (SLURM_ARRAY_TASK_ID less the array's first id) takes the
# lines k+1, k+1+n, k+1+2n, ... of the list: shares differ by at most
# one file, and files of one directory spread across tasks.
#
# Environment: DOCCONV (default: docconv).
set -eu
DOCCONV=${DOCCONV:-docconv}

case ${1:-} in
submit)
	[ $# -ge 4 ] || { sed -n '7p' "$0" >&2; exit 2; }
	list=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
	mkdir -p "$3/reports"
	out=$(cd "$3" && pwd)
	tasks=$4
	shift 4
	rm -f "$out"/reports/report.*.jsonl
	cpus=${CPUS:-1}
	jid=$(DC_LIST=$list DC_OUT=$out DOCCONV=$DOCCONV sbatch --parsable \
	    --job-name=docconv --array=0-$((tasks - 1)) \
	    --cpus-per-task="$cpus" \
	    --output="$out/reports/slurm-%A_%a.out" "$0" task "$@")
	jid=${jid%%;*}
	mid=$(sbatch --parsable --job-name=docconv-merge \
	    --dependency=afterany:"$jid" \
	    --output="$out/reports/merge-%j.out" "$0" merge "$out" "$tasks")
	echo "$jid ${mid%%;*}"
	;;
task)
	shift
	: "${SLURM_ARRAY_TASK_ID:?not an array task}" "${DC_LIST:?}" "${DC_OUT:?}"
	n=${SLURM_ARRAY_TASK_COUNT:?}
	k=$((SLURM_ARRAY_TASK_ID - ${SLURM_ARRAY_TASK_MIN:-0}))
	awk -v n="$n" -v k="$k" '(NR - 1) % n == k' "$DC_LIST" |
	    "$DOCCONV" --files-from - -j "${SLURM_CPUS_PER_TASK:-1}" \
	    --skip-existing -o "$DC_OUT" \
	    --report "$DC_OUT/reports/report.$SLURM_ARRAY_TASK_ID.jsonl" "$@"
	;;
merge)
	out=$2
	# In task order, so that the merged report is the same each time.
	i=0
	: >"$out/report.jsonl.tmp"
	while [ $i -lt "$3" ]; do
		f=$out/reports/report.$i.jsonl
		if [ -f "$f" ]; then
			cat "$f" >>"$out/report.jsonl.tmp"
		else
			echo "docconv-merge: task $i wrote no report" >&2
		fi
		i=$((i + 1))
	done
	mv "$out/report.jsonl.tmp" "$out/report.jsonl"
	awk '/"status":"converted"/ { c++ } /"status":"skipped"/ { s++ }
	    /"status":"failed"/ { f++ }
	    END { printf "%d files: %d converted, %d skipped, %d failed\n",
	        NR, c, s, f }' "$out/report.jsonl"
	;;
*)
	sed -n '7p' "$0" >&2
	exit 2
	;;
esac
