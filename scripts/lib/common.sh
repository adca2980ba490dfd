# Shared by the scripts in scripts/: sourced, never run. Expects to be in the repository root.

export DOTNET_NOLOGO=1

# The Debian packages the interop tests talk to. PACSNODE_DEBIAN_PEERS overrides the list (for trying the logic).
read -r -a DEBIAN_PEERS <<< "${PACSNODE_DEBIAN_PEERS:-dcmtk dicom3tools python3-pydicom python3-numpy python3-scipy orthanc libopenjp2-tools}"

# Prints the peers that dpkg does not report as installed, one per line.
missing_debian_peers() {
  local package status
  for package in "${DEBIAN_PEERS[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then
      echo "$package"
    fi
  done
}

# Installs the missing Debian peers when running as root; otherwise says what to install and carries on (the
# interop tests then skip themselves). When every peer is present, exports PACSNODE_REQUIRE_TOOLS=1 so that a tool
# the tests still cannot find is a failure rather than a silent skip.
# PACSNODE_APT_DRY_RUN=1 prints the apt-get commands instead of running them.
ensure_debian_peers() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "peers: not a Debian system; install the equivalents of: ${DEBIAN_PEERS[*]} (interop tests skip without them)" >&2
    return 0
  fi

  local -a missing
  mapfile -t missing < <(missing_debian_peers)
  if ((${#missing[@]} == 0)); then
    echo "peers: all installed (${DEBIAN_PEERS[*]})"
    export PACSNODE_REQUIRE_TOOLS=1
    return 0
  fi

  local -a install=(apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}")
  if [[ "$(id -u)" != "0" ]]; then
    echo "peers: missing ${missing[*]}; as root run:" >&2
    echo "  apt-get update && DEBIAN_FRONTEND=noninteractive ${install[*]}" >&2
    echo "peers: continuing; the interop tests that need them will be skipped" >&2
    return 0
  fi

  echo "peers: installing ${missing[*]}"
  if [[ "${PACSNODE_APT_DRY_RUN:-0}" == "1" ]]; then
    echo "peers: dry run: apt-get update -q -o DPkg::Lock::Timeout=300"
    echo "peers: dry run: DEBIAN_FRONTEND=noninteractive ${install[*]}"
    return 0
  fi

  if apt-get update -q -o DPkg::Lock::Timeout=300 </dev/null \
    && DEBIAN_FRONTEND=noninteractive "${install[@]}" </dev/null; then
    mapfile -t missing < <(missing_debian_peers)
  fi
  if ((${#missing[@]} == 0)); then
    export PACSNODE_REQUIRE_TOOLS=1
  else
    echo "peers: WARNING: could not install ${missing[*]}; the interop tests that need them will be skipped" >&2
  fi
}

# True when a CUDA device is present (nvidia-smi lists at least one GPU).
has_cuda_device() {
  command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L 2>/dev/null | grep -q '^GPU '
}

# Restores and builds the solution in Release.
build_solution() {
  if ! dotnet restore PacsNode.sln; then
    echo "restore failed; no tests were run" >&2
    return 1
  fi
  if ! dotnet build PacsNode.sln -c Release --no-restore; then
    echo "build failed; no tests were run" >&2
    return 1
  fi
}

# Checks that the sources are laid out as .editorconfig says (whitespace, import order), as scripts/format.sh does,
# on the restored solution. Fails with the files and lines to fix; `dotnet format PacsNode.sln` fixes them.
check_formatting() {
  if ! dotnet format PacsNode.sln --verify-no-changes --no-restore; then
    echo "formatting check failed: run 'dotnet format PacsNode.sln' and commit the result; no tests were run" >&2
    return 1
  fi
}

# Runs the test projects of the solution with the given extra options (filters), keeps the console log in
# artifacts/test-results, and ends with one line "N passed, N failed, N skipped". Returns non-zero when a test
# failed, a test host crashed or hung, or no test ran at all.
run_solution_tests() {
  local results="artifacts/test-results"
  rm -rf "$results"
  mkdir -p "$results"
  local log="$results/dotnet-test.log"

  # Exit code 8 means "this test project ran zero tests"; the total is checked below instead.
  # The exit code goes through a file so that this works with or without pipefail in the caller.
  {
    local status=0
    dotnet test --solution PacsNode.sln -c Release --no-build \
      --results-directory "$results" \
      --crashdump --crashdump-type Mini \
      --hangdump --hangdump-timeout 5m --hangdump-type Mini \
      --ignore-exit-code 8 \
      --no-progress --no-ansi \
      "$@" || status=$?
    echo "$status" >"$results/exit-code"
  } 2>&1 | tee "$log"
  local rc
  rc="$(cat "$results/exit-code")"

  # dotnet test (Microsoft.Testing.Platform mode) ends with a block, one count per line:
  #   Test run summary: Passed!
  #     error: 1          (only when a test project crashed, hung or could not run)
  #     total: 12
  #     failed: 0
  #     succeeded: 11
  #     skipped: 1
  local passed failed skipped errors
  read -r passed failed skipped errors < <(awk '
    /Test run summary/ { seen = 1; p = f = s = ""; e = 0 }
    seen && $2 ~ /^[0-9]+$/ && $1 == "error:"     { e = $2 }
    seen && $2 ~ /^[0-9]+$/ && $1 == "failed:"    { f = $2 }
    seen && $2 ~ /^[0-9]+$/ && $1 == "succeeded:" { p = $2 }
    seen && $2 ~ /^[0-9]+$/ && $1 == "skipped:"   { s = $2 }
    END { print (p == "" ? "-" : p), (f == "" ? "-" : f), (s == "" ? "-" : s), (e == "" ? 0 : e) }
  ' "$log")

  if [[ "$passed" == "-" || "$failed" == "-" || "$skipped" == "-" ]]; then
    echo "no test summary found in the dotnet test output (exit code $rc); see $log" >&2
    return 1
  fi

  # A test project that crashed, hung (killed after the hang timeout) or could not start counts as a failure.
  failed=$((failed + errors))
  if ((rc != 0 && failed == 0)); then
    echo "dotnet test exited with code $rc without reporting a failure; counting it as one" >&2
    failed=1
  fi
  if ((passed + failed == 0)); then
    echo "no test ran" >&2
  fi

  echo "$passed passed, $failed failed, $skipped skipped"
  if ((failed > 0 || passed + failed == 0)); then
    return 1
  fi
}
