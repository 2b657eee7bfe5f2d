#!/usr/bin/env bash
# Packs the `dispatch` command-line tool (src/Dispatch.Cli) into artifacts/packages/ and installs it as a global
# .NET tool, replacing an installed one. Then `dispatch --help` works from any folder.
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/packages
mkdir -p "$out"
rm -f "$out"/Dispatch.Cli.*.nupkg
echo "packing the dispatch tool into $out/ ..."
dotnet pack src/Dispatch.Cli -c Release -o "$out" -nologo -v q -tl:off -clp:ErrorsOnly
if dotnet tool list --global | grep -qi '^dispatch\.cli '; then
  dotnet tool uninstall --global Dispatch.Cli >/dev/null
fi
dotnet tool install --global Dispatch.Cli --add-source "$out"
tools="$HOME/.dotnet/tools"
case ":$PATH:" in
  *":$tools:"*) ;;
  *) echo "Add the .NET tools folder to your PATH (e.g. in ~/.bashrc), then open a new shell:"
     echo "  export PATH=\"\$PATH:$tools\"" ;;
esac
echo "installed: dispatch --help"
