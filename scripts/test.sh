#!/usr/bin/env bash
# Everything a fresh Debian 12 machine needs, then every test:
#   1. the Debian peers of the interop tests (installed when run as root; otherwise listed);
#   2. dotnet restore and a Release build of PacsNode.sln, then the formatting check of scripts/format.sh;
#   3. every test project, except Category=Benchmark, and except Category=Gpu unless a CUDA device is present.
# The last line is "N passed, N failed, N skipped"; the exit code is non-zero if a test failed or none ran.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/common.sh

if [[ "${CI:-}" == "true" ]]; then
  # Leave no MSBuild or compiler server behind a CI job.
  trap 'dotnet build-server shutdown >/dev/null 2>&1 || true' EXIT
fi

ensure_debian_peers
build_solution
check_formatting

filters=(--filter-not-trait "Category=Benchmark")
if has_cuda_device; then
  echo "CUDA device found: running Category=Gpu tests too"
else
  filters+=(--filter-not-trait "Category=Gpu")
fi

run_solution_tests "${filters[@]}"
