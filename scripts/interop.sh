#!/usr/bin/env bash
# Only the interop tests (Category=Interop): DCMTK, dicom3tools, pydicom and Orthanc as peers.
# Installs the Debian peers first when run as root, as test.sh does.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/common.sh

ensure_debian_peers
build_solution
run_solution_tests --filter-trait "Category=Interop"
