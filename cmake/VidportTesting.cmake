# vidport_add_test(NAME <name> SET <concurrency|serial>... SOURCES ... [LIBS ...])
# Adds a GoogleTest executable registered with CTest, labelled with its set(s). A sanitizer tree
# builds only the tests of its own set (VIDPORT_TEST_SET), so `make test` stays fast; a test in
# both sets runs under TSan and under ASan+UBSan (and once in the default tree).
function(vidport_add_test)
  cmake_parse_arguments(T "" "NAME" "SET;SOURCES;LIBS" ${ARGN})
  if(NOT VIDPORT_TEST_SET STREQUAL "all" AND NOT VIDPORT_TEST_SET IN_LIST T_SET)
    return()
  endif()
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main GTest::gmock)
  # Miniports loaded by tests resolve VideoPort* from the test executable.
  set_target_properties(${T_NAME} PROPERTIES ENABLE_EXPORTS ON)
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  # One target per set builds exactly what that set's run needs (make test's sanitizer trees).
  foreach(set IN LISTS T_SET)
    if(NOT TARGET vidport_tests_${set})
      add_custom_target(vidport_tests_${set})
    endif()
    add_dependencies(vidport_tests_${set} ${T_NAME})
  endforeach()
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_SET}" TIMEOUT 600
    ENVIRONMENT "VIDPORT_SOURCE_DIR=${PROJECT_SOURCE_DIR};VIDPORT_BINARY_DIR=${PROJECT_BINARY_DIR}")
endfunction()
