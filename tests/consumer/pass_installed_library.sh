# The C++ library as an application meets it: `cmake --install` into a temp
# prefix, then a program (tests/consumer/) built against that tree with
# find_package(onnx_hub_manifest CONFIG) lists, inspects and fetches models
# from a local zoo and a loopback hub, and README.md's example, built with
# pkg-config alone, does the same; each fetched file has the manifest's sha256. The installed headers compile on their own
# and include no C library's header.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
[[ -n "${OHM_BUILD_DIR:-}" && -f "$OHM_BUILD_DIR/cmake_install.cmake" ]] || fail "OHM_BUILD_DIR has no cmake_install.cmake"
prefix="$WORK/prefix"
cxx=${OHM_CXX:-c++}
flags=(${OHM_CONSUMER_FLAGS:-})  # the sanitizer build's -fsanitize=..., which the libraries need at link time

# log_or_fail LOG COMMAND...: runs COMMAND with its output in LOG, shown when it fails.
log_or_fail() {
  local log=$1
  shift
  "$@" >"$log" 2>&1 || { cat "$log" >&2; fail "$*"; }
}

log_or_fail install.log cmake --install "$OHM_BUILD_DIR" --prefix "$prefix"
pc=$(find "$prefix" -name onnx-hub-manifest.pc)
[[ -n "$pc" ]] || fail "no onnx-hub-manifest.pc installed"
libdir=$(dirname "$(dirname "$pc")")  # <prefix>/lib or <prefix>/lib/<multiarch>

# What the library installs: headers, static libraries, the CMake package, the .pc.
installed_library_files() {
  (cd "$prefix" && find include "${libdir#"$prefix"/}" -type f) |
    sed -e "s|^${libdir#"$prefix"/}/|LIBDIR/|" -e "s|Targets-[a-z]*\.cmake$|Targets-<build type>.cmake|" | sort
}
check_command installed_files 0 installed_library_files

# No installed header includes a C library's header (nlohmann's is the one
# third-party header: manifest::Entry holds JSON).
bad=$(grep -rhoE '^#include <[^>]+>' "$prefix/include/onnx-hub-manifest" | sort -u |
      grep -vE '^#include <([a-z_]+|nlohmann/json\.hpp)>$' || true)
[[ -z "$bad" ]] || fail "installed headers include: $bad"

export PKG_CONFIG_PATH="$libdir/pkgconfig"
cflags=$(pkg-config --cflags onnx-hub-manifest) || fail "pkg-config --cflags"
libs=$(pkg-config --libs onnx-hub-manifest) || fail "pkg-config --libs"
[[ " $cflags " == *" -I$libdir/pkgconfig/../../include/onnx-hub-manifest "* ||
   " $cflags " == *" -I$prefix/include/onnx-hub-manifest "* ]] || fail "pkg-config --cflags: $cflags"
[[ " $libs " == *" -L$libdir/pkgconfig/../.."* || " $libs " == *" -L$libdir "* ]] || fail "pkg-config --libs: $libs"
# libcurl is not among them: the hub library loads it when a download starts.
[[ " $libs " == *" -lonnx_hub_manifest_hub "* && " $libs " != *" -lcurl "* ]] || fail "pkg-config --libs: $libs"

# Every installed header, found through pkg-config's flags only.
(cd "$prefix/include/onnx-hub-manifest" && find . -name '*.h' | sort | sed 's|^\./\(.*\)|#include "\1"|') >all_headers.cc
log_or_fail headers.log "$cxx" -std=c++17 -fsyntax-only $cflags all_headers.cc

# The consumer project, with CMake: find_package and the target onnx_hub_manifest::app.
log_or_fail configure.log cmake -S "$SRC/tests/consumer" -B consumer -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$cxx" ${OHM_CXX_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER="$OHM_CXX_LAUNCHER"} \
  -DCMAKE_EXE_LINKER_FLAGS="${flags[*]}"
log_or_fail build.log cmake --build consumer
# The README's example ("Use it from C++"), with pkg-config alone.
awk '/^## Use it from C\+\+/ { section = 1 } section && /^```cpp$/ { code = 1; next } code && /^```$/ { exit } code' \
  "$SRC/README.md" >readme_example.cc
[[ -s readme_example.cc ]] || fail "no cpp block under README.md's 'Use it from C++'"
log_or_fail pkg_config_build.log "$cxx" -std=c++17 "${flags[@]}" -o readme_example readme_example.cc $cflags $libs

make_repo repo "$SRC/samples"
make_repo samples "$SRC/samples"   # the README example's zoo; its cache is the default one, under $HOME
manifest="$SRC/samples/ONNX_HUB_MANIFEST.json"
sha=$(json_query "$manifest" "[e for e in m if e['model']=='TinyNet-12'][0]['metadata']['model_sha']")
fetched="$WORK/cache/$TINYNET/${sha}_tinynet-12.onnx"

check_command fetch_from_repo 0 consumer/hub_consumer --repo repo tinynet-12 "$WORK/cache"
[[ $(sha256sum <"$fetched") == "$sha  -" ]] || fail "fetched file's sha256 is not the manifest's"
check_command cached 0 consumer/hub_consumer --repo repo TinyNet-12 "$WORK/cache"
check_command no_such_model 1 consumer/hub_consumer --repo repo tinynet "$WORK/cache"

check_command readme_example 0 ./readme_example
[[ $(sha256sum <"$HOME/.cache/onnx/hub/$TINYNET/${sha}_tinynet-12.onnx") == "$sha  -" ]] || fail "README example's file"

start_server "$SRC/samples"
check_command fetch_over_http 0 consumer/hub_consumer --hub "http://127.0.0.1:$PORT/ok/" tinynet-12 "$WORK/http_cache"
[[ $(sha256sum <"$WORK/http_cache/$TINYNET/${sha}_tinynet-12.onnx") == "$sha  -" ]] || fail "downloaded file's sha256"
