# The version the tool reports: PROJECT_VERSION (project() in the top-level
# CMakeLists.txt, the one place it is written; release tags must equal it) and
# the git commit the tree was built from, in a configured header ohm_version.h
# (OHM_VERSION, OHM_GIT_COMMIT) that targets get by linking ohm_version.
#
# The commit is, in this order: -DOHM_GIT_COMMIT=...; `git rev-parse --short
# HEAD` when the source folder is the top of a git work tree (not when a source
# tarball is unpacked inside some other repository); cmake/git_commit.txt,
# which `git archive` fills in (export-subst in .gitattributes); else "unknown".
# A header (not a compile definition) so that a new commit recompiles only the
# files that include it.

if(DEFINED CACHE{OHM_GIT_COMMIT})
  set(ohm_commit "${OHM_GIT_COMMIT}")
else()
  set(ohm_commit "")
  find_package(Git QUIET)
  if(GIT_FOUND)
    execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --show-toplevel
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                    OUTPUT_VARIABLE ohm_toplevel OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE ohm_rc ERROR_QUIET)
    if(ohm_rc EQUAL 0)
      file(REAL_PATH "${ohm_toplevel}" ohm_toplevel)
      file(REAL_PATH "${PROJECT_SOURCE_DIR}" ohm_source_dir)
    endif()
    if(ohm_rc EQUAL 0 AND ohm_toplevel STREQUAL ohm_source_dir)
      execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --short HEAD
                      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                      OUTPUT_VARIABLE ohm_commit OUTPUT_STRIP_TRAILING_WHITESPACE
                      RESULT_VARIABLE ohm_rc ERROR_QUIET)
      if(NOT ohm_rc EQUAL 0)
        set(ohm_commit "")
      endif()
      # Configure again when HEAD moves (checkout, commit), so the header follows.
      execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --symbolic-full-name HEAD
                      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                      OUTPUT_VARIABLE ohm_ref OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
      foreach(name HEAD ${ohm_ref} packed-refs)
        execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --path-format=absolute --git-path ${name}
                        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                        OUTPUT_VARIABLE ohm_path OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
        if(ohm_path AND EXISTS "${ohm_path}")
          set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${ohm_path}")
        endif()
      endforeach()
    endif()
  endif()
  if(ohm_commit STREQUAL "")
    file(STRINGS ${PROJECT_SOURCE_DIR}/cmake/git_commit.txt ohm_archived LIMIT_COUNT 1)
    # Unsubstituted outside `git archive`: the placeholder still starts with "$".
    if(ohm_archived MATCHES "^[0-9a-f]+$")
      set(ohm_commit "${ohm_archived}")
    else()
      set(ohm_commit "unknown")
    endif()
  endif()
endif()
message(STATUS "onnx-hub-manifest ${PROJECT_VERSION}, commit ${ohm_commit}")

set(OHM_VERSION "${PROJECT_VERSION}")
set(OHM_GIT_COMMIT_VALUE "${ohm_commit}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/ohm_version.h.in ${PROJECT_BINARY_DIR}/generated/ohm_version.h @ONLY)
add_library(ohm_version INTERFACE)
target_include_directories(ohm_version INTERFACE ${PROJECT_BINARY_DIR}/generated)
