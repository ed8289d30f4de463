# Build options shared by every Kiln target: warnings, ccache, sanitizers.
option(KILN_BUILD_TESTS "Build unit, lit and spec tests" ON)
option(KILN_FUZZ "Build libFuzzer targets (needs clang)" OFF)
# OFF: only what runs compiled code (Support, Wasm, Text, Runtime, WASI and a
# kiln that loads AOT artifacts), for machines without LLVM and for cross
# builds (cmake/aarch64-linux-gnu.cmake); no tests, examples or wasm2native.
option(KILN_WITH_LLVM "Build the compiler (Translate, CodeGen, JIT, AOT, Engine, wasm2native)" ON)
set(KILN_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined or thread")

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_C_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()

add_compile_options(-Wall -Wextra)
if(KILN_WERROR)
  add_compile_options(-Werror)
endif()

if(KILN_SANITIZE)
  add_compile_options(-fsanitize=${KILN_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${KILN_SANITIZE})
endif()
if(KILN_FUZZ)
  # Instrument everything for coverage; only fuzz targets get the libFuzzer main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# kiln_add_library(NAME [DEPS ...]): a library from every .cpp under lib/NAME.
# Sources are globbed so that adding a file to a library needs no CMake edit.
function(kiln_add_library Name)
  cmake_parse_arguments(ARG "" "" "DEPS;PRIVATE_DEPS" ${ARGN})
  file(GLOB_RECURSE Sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  add_library(Kiln${Name} STATIC ${Sources})
  add_library(Kiln::${Name} ALIAS Kiln${Name})
  target_include_directories(Kiln${Name} PUBLIC ${PROJECT_SOURCE_DIR}/include)
  target_link_libraries(Kiln${Name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
endfunction()
