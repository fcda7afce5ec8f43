# The command-line tool as a Debian package: `cpack -G DEB` in a build tree
# (scripts/package.sh does the Release build) writes
# onnx-hub-manifest_<version>_<arch>.deb. It holds what the install component
# "cli" installs: the binary, its man page and bash completion (both generated
# from the built binary's --help), the JSON Schema and the README. Depends is
# computed by dpkg-shlibdeps from the libraries the binary links, so the
# package pulls runtime libraries only.
include(GNUInstallDirs)

set(OHM_PACKAGE_MAINTAINER "onnx-hub-manifest developers <onnx-hub-manifest@users.noreply.github.com>"
    CACHE STRING "Maintainer field of the Debian package")
set(OHM_PACKAGE_HOMEPAGE "" CACHE STRING "Homepage field of the Debian package (the release workflow sets it)")

# Man page and completion, regenerated whenever the binary changes. They run the
# binary, so a cross build leaves them out.
if(NOT CMAKE_CROSSCOMPILING)
  set(ohm_doc_dir ${PROJECT_BINARY_DIR}/doc)
  file(MAKE_DIRECTORY ${ohm_doc_dir})
  add_custom_command(
    OUTPUT ${ohm_doc_dir}/onnx-hub-manifest.1.gz
    COMMAND sh ${PROJECT_SOURCE_DIR}/cmake/man_page.sh $<TARGET_FILE:onnx-hub-manifest> ${PROJECT_VERSION}
            ${ohm_doc_dir}/onnx-hub-manifest.1.gz
    DEPENDS onnx-hub-manifest ${PROJECT_SOURCE_DIR}/cmake/man_page.sh ${PROJECT_SOURCE_DIR}/cmake/help_to_roff.awk
    COMMENT "Man page onnx-hub-manifest(1) from --help"
    VERBATIM)
  add_custom_command(
    OUTPUT ${ohm_doc_dir}/onnx-hub-manifest.bash
    COMMAND sh ${PROJECT_SOURCE_DIR}/cmake/bash_completion.sh $<TARGET_FILE:onnx-hub-manifest>
            ${ohm_doc_dir}/onnx-hub-manifest.bash
    DEPENDS onnx-hub-manifest ${PROJECT_SOURCE_DIR}/cmake/bash_completion.sh ${PROJECT_SOURCE_DIR}/cmake/help_entries.awk
    COMMENT "Bash completion from --help"
    VERBATIM)
  add_custom_target(ohm_docs ALL DEPENDS ${ohm_doc_dir}/onnx-hub-manifest.1.gz ${ohm_doc_dir}/onnx-hub-manifest.bash)
  install(FILES ${ohm_doc_dir}/onnx-hub-manifest.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT cli)
  install(FILES ${ohm_doc_dir}/onnx-hub-manifest.bash RENAME onnx-hub-manifest
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT cli)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/schemas/onnx_hub_manifest.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/onnx-hub-manifest COMPONENT cli)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/onnx-hub-manifest COMPONENT cli)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME onnx-hub-manifest)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Generate and validate ONNX_HUB_MANIFEST.json, and fetch ONNX Model Hub models")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Generate and validate ONNX_HUB_MANIFEST.json, and fetch ONNX Model Hub models\n\
onnx-hub-manifest writes ONNX_HUB_MANIFEST.json, the file through which an ONNX\n\
Model Hub finds every model of a model zoo, from the zoo's README tables and\n\
model files; validates a manifest against its JSON Schema and the zoo (with\n\
GitHub annotations for CI); and lists, inspects and fetches models into the\n\
hub cache it shares with Python's onnx.hub.")
set(CPACK_PACKAGE_CONTACT "${OHM_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(OHM_PACKAGE_HOMEPAGE)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${OHM_PACKAGE_HOMEPAGE}")
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # onnx-hub-manifest_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libcurl is loaded only when a download starts (lib/hub/curl_library.cc), so
# dpkg-shlibdeps does not see it: named here, at least the version built
# against (whose options the hub client sets).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libcurl4 (>= ${CURL_VERSION_STRING})")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
# Only the "cli" component: the C++ library (component "dev": headers, static
# libraries, CMake package, pkg-config file; cmake/install_library.cmake) is
# not the command-line package's, so the .deb never depends on -dev packages.
set(CPACK_INSTALL_CMAKE_PROJECTS "${PROJECT_BINARY_DIR};${PROJECT_NAME};cli;/")
include(CPack)
