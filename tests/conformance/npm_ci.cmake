# Installs the pinned onnxruntime-node (package.json / package-lock.json at the
# repository root) into NPM_DIR with `npm ci --ignore-scripts`; does nothing
# when NPM_DIR already holds an install of the same lock file.
file(MAKE_DIRECTORY ${NPM_DIR})
file(SHA256 ${SOURCE_DIR}/package-lock.json lock_hash)
set(stamp ${NPM_DIR}/node_modules/.ohm-lock-sha256)
if(EXISTS ${stamp})
  file(READ ${stamp} done_hash)
  if(done_hash STREQUAL lock_hash)
    return()
  endif()
endif()
configure_file(${SOURCE_DIR}/package.json ${NPM_DIR}/package.json COPYONLY)
configure_file(${SOURCE_DIR}/package-lock.json ${NPM_DIR}/package-lock.json COPYONLY)
# npm trusts only its own CA list; the system bundle also holds any CA the
# machine's network requires (update-ca-certificates adds local ones there).
set(ca_args)
if(EXISTS /etc/ssl/certs/ca-certificates.crt)
  set(ca_args --cafile=/etc/ssl/certs/ca-certificates.crt)
endif()
execute_process(
  COMMAND ${NPM} ci --ignore-scripts --no-audit --no-fund ${ca_args}
  WORKING_DIRECTORY ${NPM_DIR}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "npm ci failed (${rc})")
endif()
file(WRITE ${stamp} ${lock_hash})
