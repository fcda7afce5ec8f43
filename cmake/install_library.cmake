# The C++ library for applications, installed by `cmake --install` as the
# component "dev" (the .deb holds the component "cli" only, so it never
# carries headers or pulls -dev packages):
#   include/onnx-hub-manifest/  the public headers of the hub client and the
#                               manifest reader (OHM_PUBLIC_HEADERS)
#   lib/libonnx_hub_manifest_<concern>.a   every library they link
#   lib/cmake/onnx_hub_manifest/  find_package(onnx_hub_manifest CONFIG):
#                               onnx_hub_manifest::<concern> targets
#   lib/pkgconfig/onnx-hub-manifest.pc
# tests/consumer/ builds a program against the installed tree.
include(CMakePackageConfigHelpers)

# app/hub.h, hub/ and manifest/ and every header they include (no header of a
# C library among them; manifest/entry.h needs nlohmann/json.hpp, so the
# package finds nlohmann_json for its users). The consumer test compiles them
# all from the installed tree: a header missing here fails it.
set(OHM_PUBLIC_HEADERS
    app/hub.h
    archive/tarball.h
    core/diagnostic.h
    core/result.h
    fs/file_reader.h
    fs/folder.h
    hub/cache.h
    hub/cache_check.h
    hub/cache_scan.h
    hub/content.h
    hub/fetch.h
    hub/http.h
    hub/hub.h
    hub/hub_spec.h
    hub/query.h
    hub/trust.h
    hub/verified_write.h
    manifest/entry.h
    manifest/entry_changes.h
    manifest/json_io.h
    manifest/ports_json.h
    manifest/shared_json.h
    onnx/ports.h
    zoo/lfs_pointer.h
    zoo/source.h)
foreach(header ${OHM_PUBLIC_HEADERS})
  get_filename_component(folder ${header} DIRECTORY)
  install(FILES ${PROJECT_SOURCE_DIR}/lib/${header} DESTINATION ${OHM_INSTALL_INCLUDEDIR}/${folder} COMPONENT dev)
endforeach()

set(ohm_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/onnx_hub_manifest)
get_property(ohm_libraries GLOBAL PROPERTY OHM_LIBRARIES)
install(TARGETS ${ohm_libraries} EXPORT onnx_hub_manifest_targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(EXPORT onnx_hub_manifest_targets NAMESPACE onnx_hub_manifest:: FILE onnx_hub_manifestTargets.cmake
        DESTINATION ${ohm_cmake_dir} COMPONENT dev)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/onnx_hub_manifestConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/onnx_hub_manifestConfig.cmake INSTALL_DESTINATION ${ohm_cmake_dir})
# 0.x: a new minor version may change the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/onnx_hub_manifestConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/onnx_hub_manifestConfig.cmake ${PROJECT_BINARY_DIR}/onnx_hub_manifestConfigVersion.cmake
        DESTINATION ${ohm_cmake_dir} COMPONENT dev)

# pkg-config: the prefix is found from the .pc file's own folder, so the tree
# works wherever `cmake --install --prefix` put it. Libraries in link order
# (each before those it uses).
file(RELATIVE_PATH OHM_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" OHM_PC_TO_PREFIX "${OHM_PC_TO_PREFIX}")
set(OHM_PC_LIBS "")
foreach(concern app validate hub git zoo onnx readme archive manifest fs hash core)
  string(APPEND OHM_PC_LIBS " -lonnx_hub_manifest_${concern}")
endforeach()
configure_file(${PROJECT_SOURCE_DIR}/cmake/onnx-hub-manifest.pc.in ${PROJECT_BINARY_DIR}/onnx-hub-manifest.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/onnx-hub-manifest.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)
