#!/usr/bin/env bash
# Release build of the whole solution; warnings are errors (Directory.Build.props).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1
exec dotnet build PacsNode.sln -c Release "$@"
