# Reads checks/CheckRegistry.def, the one list of coro-* checks, and writes
# the header that includes every check's class (CoroTidyModule.cpp includes
# it; C++ cannot #include from an X-macro). Used by checks/CMakeLists.txt at
# configure time and, in script mode, by the add-check test:
#
#   cmake -DCORO_CHECK_REGISTRY=<def> -DCORO_CHECK_HEADERS_OUT=<inc>
#         -P checks/CheckRegistry.cmake
#
# A malformed entry, or a check whose .h or .cpp is missing, is a fatal
# error: the build never shrinks silently.

if(CMAKE_SCRIPT_MODE_FILE)
  cmake_minimum_required(VERSION 3.20)
endif()

# coro_read_check_registry(<def> <names-var> <classes-var>)
function(coro_read_check_registry registry names_var classes_var)
  file(STRINGS ${registry} lines REGEX "^[ \t]*CORO_CHECK[ \t]*\\(")
  get_filename_component(dir ${registry} DIRECTORY)
  set(names)
  set(classes)
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "^[ \t]*CORO_CHECK\\(\"(coro-[a-z0-9-]+)\", *([A-Za-z_][A-Za-z0-9_]*), *\"(docs/checks/[a-z0-9-]+\\.md)\", *\"([^\"]*)\"\\)[ \t]*$")
      message(FATAL_ERROR "${registry}: malformed entry (one line: "
        "CORO_CHECK(\"coro-name\", Class, \"docs/checks/coro-name.md\", \"summary\")): ${line}")
    endif()
    set(name ${CMAKE_MATCH_1})
    set(class ${CMAKE_MATCH_2})
    if(NOT CMAKE_MATCH_3 STREQUAL "docs/checks/${name}.md")
      message(FATAL_ERROR "${registry}: ${name}'s docs page must be docs/checks/${name}.md, not ${CMAKE_MATCH_3}")
    endif()
    foreach(ext h cpp)
      if(NOT EXISTS ${dir}/${class}.${ext})
        message(FATAL_ERROR "${registry}: ${name} is registered but ${dir}/${class}.${ext} does not exist")
      endif()
    endforeach()
    if(name IN_LIST names OR class IN_LIST classes)
      message(FATAL_ERROR "${registry}: ${name} (${class}) is registered twice")
    endif()
    list(APPEND names ${name})
    list(APPEND classes ${class})
  endforeach()
  if(NOT names)
    message(FATAL_ERROR "${registry}: no CORO_CHECK entries")
  endif()
  set(${names_var} ${names} PARENT_SCOPE)
  set(${classes_var} ${classes} PARENT_SCOPE)
endfunction()

# coro_write_check_headers(<classes> <out>): rewritten only when it changes,
# so a reconfigure does not rebuild the module.
function(coro_write_check_headers classes out)
  set(content "// Generated from checks/CheckRegistry.def by checks/CheckRegistry.cmake.\n")
  foreach(class IN LISTS classes)
    string(APPEND content "#include \"checks/${class}.h\"\n")
  endforeach()
  file(CONFIGURE OUTPUT ${out} CONTENT "${content}" @ONLY)
endfunction()

if(CMAKE_SCRIPT_MODE_FILE)
  if(NOT CORO_CHECK_REGISTRY OR NOT CORO_CHECK_HEADERS_OUT)
    message(FATAL_ERROR "usage: cmake -DCORO_CHECK_REGISTRY=<def> -DCORO_CHECK_HEADERS_OUT=<inc> -P CheckRegistry.cmake")
  endif()
  coro_read_check_registry(${CORO_CHECK_REGISTRY} names classes)
  coro_write_check_headers("${classes}" ${CORO_CHECK_HEADERS_OUT})
endif()
