# vidport_add_miniport(<target> SOURCES ... [DEFINITIONS ...])
# Builds a miniport as a shared module against vidport's DDK headers, the way a user would with
# `cc -shared -fPIC -fshort-wchar -I<vidport>/include/ddk driver.c -o driver.so`.
# VideoPort functions stay undefined in the module and resolve from vidport when it is loaded.
function(vidport_add_miniport target)
  cmake_parse_arguments(M "" "" "SOURCES;DEFINITIONS" ${ARGN})
  add_library(${target} MODULE ${M_SOURCES})
  set_target_properties(${target} PROPERTIES PREFIX "" C_STANDARD 11)
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/include/ddk)
  # NT4-style VIDEO_ACCESS_RANGE initializers leave the last fields out, as real drivers do.
  target_compile_options(${target} PRIVATE -fshort-wchar -Wno-missing-field-initializers)
  if(M_DEFINITIONS)
    target_compile_definitions(${target} PRIVATE ${M_DEFINITIONS})
  endif()
endfunction()
