#!/usr/bin/env bash
# On-demand benchmarks (never part of ./scripts/test.sh). Compares PacsNode with DCMTK and pydicom on the
# same files in the same run and prints a Markdown table for docs/BENCHMARKS.md.
#   ./scripts/bench.sh [read|codecs|find|kernels] [--rounds N] [--work DIR] [--accelerators reference,parallel,cpu,cuda]
#   ./scripts/bench.sh quantify [--rounds N] [--accelerators reference,parallel,cpu,cuda]   (end-to-end PetQuantifier vs numpy/scipy)
#   ./scripts/bench.sh store [--rounds N] [--ct N] [--pet N] [--warmup N]  (C-STORE into pacsnode, storescp and Orthanc)
#   ./scripts/bench.sh device [--work DIR]                          (what the data disk charges per instance: record flush, new file)
#   ./scripts/bench.sh pipeline [--rounds N]                        (last PET instance received -> SR queryable, whole-body PET/CT)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build tests/PacsNode.Benchmarks -c Release -v quiet -nologo >/dev/null
exec dotnet tests/PacsNode.Benchmarks/bin/Release/net10.0/PacsNode.Benchmarks.dll "$@"
