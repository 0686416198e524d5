# One helper registers every Boost.Test binary with CTest (KiCad's qa/ habit).
#   vigie_add_test(NAME name SOURCES ... LIBS ... LABELS unit|store|cli|integration ... [ENV k=v ...])
find_package(Boost 1.74 REQUIRED COMPONENTS unit_test_framework)

function(vigie_add_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENV;ARGS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES} ${PROJECT_SOURCE_DIR}/tests/common/TestMain.cpp)
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} Boost::unit_test_framework)
  target_compile_definitions(${T_NAME} PRIVATE BOOST_TEST_DYN_LINK
      VIGIE_SOURCE_DIR="${PROJECT_SOURCE_DIR}" VIGIE_SHARED_DIR="${VIGIE_SHARED_DIR}"
      VIGIE_BINARY_DIR="${PROJECT_BINARY_DIR}")
  target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR})
  vigie_target_warnings(${T_NAME})
  add_test(NAME ${T_NAME} COMMAND ${T_NAME} --report_level=short --color_output=no ${T_ARGS})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
                       SKIP_RETURN_CODE 77)
  if(T_ENV)
    set_tests_properties(${T_NAME} PROPERTIES ENVIRONMENT "${T_ENV}")
  endif()
endfunction()
