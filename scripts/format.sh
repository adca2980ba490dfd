#!/usr/bin/env bash
# Checks formatting and code style against .editorconfig without changing files.
# To apply the fixes instead: dotnet format PacsNode.sln
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1
exec dotnet format PacsNode.sln --verify-no-changes "$@"
