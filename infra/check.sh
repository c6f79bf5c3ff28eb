#!/usr/bin/env bash
# Compiles and lints every Bicep file under infra/ with the Bicep CLI from NuGet
# (Azure.Bicep.CommandLine.linux-x64, pinned in infra/tools/BicepCli.csproj).
# Fails on any error and on any warning, and says what it checked.
# Usage: bash infra/check.sh        (from anywhere; CI calls it from the repository root)
set -euo pipefail

infra_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools_project="$infra_dir/tools/BicepCli.csproj"
bicep_version="$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\[\([^]]*\)\]".*/\1/p' "$tools_project")"
if [[ -z "$bicep_version" ]]; then
  echo "check.sh: cannot read the Bicep CLI version from $tools_project" >&2
  exit 1
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) echo "check.sh: the pinned Bicep CLI package is for linux-x64; this is $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

packages_root="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages_root/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
if [[ ! -f "$bicep" ]]; then
  echo "== restoring Bicep CLI $bicep_version from NuGet"
  # The project only downloads the package; its obj/ stays under infra/tools (git-ignored).
  dotnet restore "$tools_project" --nologo --verbosity quiet
fi
if [[ ! -f "$bicep" ]]; then
  echo "check.sh: restore did not produce $bicep" >&2
  exit 1
fi
chmod +x "$bicep"
echo "== $("$bicep" --version)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mapfile -t files < <(cd "$infra_dir" && find . -path ./tools -prune -o -name '*.bicep' -print | sed 's|^\./||' | sort)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "check.sh: no .bicep files under $infra_dir" >&2
  exit 1
fi

failed=0
checked=0
scripts=0
for file in "${files[@]}"; do
  log="$work/$(echo "$file" | tr '/' '_').log"
  status=ok
  # build: compiles to ARM JSON (type checks, module wiring); lint: the rules in infra/bicepconfig.json.
  if ! (cd "$infra_dir" && "$bicep" build "$file" --outdir "$work/json/$(dirname "$file")") >"$log" 2>&1; then
    status=FAILED
  fi
  if ! (cd "$infra_dir" && "$bicep" lint "$file") >>"$log" 2>&1; then
    status=FAILED
  fi
  # The CLI exits 0 on warnings: any diagnostic at all is a failure here.
  if grep -Eq ': (Warning|Error) |^(Warning|Error)' "$log"; then
    status=FAILED
  fi
  checked=$((checked + 1))
  if [[ "$status" == ok ]]; then
    echo "ok      build+lint  infra/$file"
  else
    failed=$((failed + 1))
    echo "FAILED  build+lint  infra/$file"
    sed 's/^/        /' "$log"
  fi
done

# The parameters file azd reads must be valid JSON and name only parameters main.bicep declares.
params_file="$infra_dir/main.parameters.json"
if [[ -f "$work/json/main.json" ]] && python3 - "$params_file" "$work/json/main.json" <<'PY'
import json, sys
params = json.load(open(sys.argv[1], encoding="utf-8"))["parameters"]
declared = json.load(open(sys.argv[2], encoding="utf-8"))["parameters"]
unknown = sorted(set(params) - set(declared))
missing = sorted(name for name, p in declared.items() if "defaultValue" not in p and name not in params)
if unknown or missing:
    print(f"        unknown parameters: {unknown}; required parameters not mapped: {missing}")
    sys.exit(1)
PY
then
  echo "ok      parameters  infra/main.parameters.json"
else
  failed=$((failed + 1))
  echo "FAILED  parameters  infra/main.parameters.json"
fi

# Scripts must at least parse: the helpers the README tells people to run (bash), and the azd hooks,
# which azd runs under sh on every OS, so they must parse as POSIX sh (dash), not only as bash.
parse_scripts() {
  local shell="$1" folder="$2" script
  for script in "$infra_dir/$folder"/*.sh; do
    [[ -e "$script" ]] || continue
    scripts=$((scripts + 1))
    if "$shell" -n "$script"; then
      printf 'ok      %-11s infra/%s/%s\n' "$shell -n" "$folder" "$(basename "$script")"
    else
      failed=$((failed + 1))
      printf 'FAILED  %-11s infra/%s/%s\n' "$shell -n" "$folder" "$(basename "$script")"
    fi
  done
}
parse_scripts bash scripts
parse_scripts sh hooks

echo "== infra check: $checked Bicep file(s) built and linted, $scripts script(s) parsed, $failed problem(s)"
if [[ $failed -ne 0 ]]; then
  exit 1
fi
