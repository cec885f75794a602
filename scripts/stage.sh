#!/usr/bin/env bash
# Build paragon-mcp and lay out a runnable folder:
#   DEST/paragon-mcp                      the server
#   DEST/lib{ActionKit,OpenAPICustom,ProxyAPI}.so   providers, found next to the executable
#   DEST/*.resources                      resource bundles (the sandbox's catalog), next to it too
#   DEST/config.yaml, DEST/openapi/       read from the working directory: run it from DEST
#
# Usage: scripts/stage.sh [debug|release] [DEST]     (defaults: release, dist)
# SWIFT_BUILD_FLAGS adds flags to both swift build calls. PARAGON_MCP_BIN_PATH stages from that
# folder of an existing build instead of building (the tests do, as they run on a fresh build).
set -euo pipefail

config="${1:-release}"
dest="${2:-dist}"
case "$config" in
  debug | release) ;;
  *) echo "usage: $0 [debug|release] [DEST]" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"
if [[ "$dest" == "$root" ]]; then
  echo "stage.sh: DEST must not be the repository root" >&2
  exit 2
fi
read -r -a flags <<<"${SWIFT_BUILD_FLAGS:-}"

cd "$root"
if [[ -n "${PARAGON_MCP_BIN_PATH:-}" ]]; then
  bin="$PARAGON_MCP_BIN_PATH"
else
  # A plain build: `--product paragon-mcp` would skip the provider libraries.
  swift build -c "$config" ${flags[@]+"${flags[@]}"}
  bin="$(swift build -c "$config" --show-bin-path ${flags[@]+"${flags[@]}"})"
fi

missing=0
for item in paragon-mcp libActionKit.so libOpenAPICustom.so libProxyAPI.so paragon-mcp_Sandbox.resources; do
  if [[ ! -e "$bin/$item" ]]; then
    echo "stage.sh: missing $bin/$item" >&2
    missing=1
  fi
done
[[ -f config.yaml ]] || { echo "stage.sh: missing $root/config.yaml" >&2; missing=1; }
((missing == 0)) || exit 1

cp -f "$bin/paragon-mcp" "$bin/libActionKit.so" "$bin/libOpenAPICustom.so" "$bin/libProxyAPI.so" "$dest/"
for bundle in "$bin"/*.resources; do
  rm -rf "$dest/$(basename "$bundle")"
  cp -R "$bundle" "$dest/"
done
cp -f config.yaml "$dest/config.yaml"
rm -rf "$dest/openapi"
if [[ -d openapi ]]; then
  cp -R openapi "$dest/openapi"
else
  mkdir "$dest/openapi"
fi

echo "Staged $config build in $dest:"
(cd "$dest" && find . -mindepth 1 | LC_ALL=C sort)
