# LLVM 19 from Debian's llvm-19-dev, linked as the single shared libLLVM.
# (Mapping components to static libraries pulls in exported targets that are
# broken in Debian's packaging; see GUIDE.md section 7.)
find_package(LLVM 19.1 REQUIRED CONFIG HINTS /usr/lib/llvm-19/lib/cmake/llvm)
message(STATUS "Kiln: LLVM ${LLVM_PACKAGE_VERSION} from ${LLVM_DIR}")
separate_arguments(KILN_LLVM_DEFINITIONS NATIVE_COMMAND ${LLVM_DEFINITIONS})
add_library(KilnLLVM INTERFACE)
target_include_directories(KilnLLVM SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
target_compile_definitions(KilnLLVM INTERFACE ${KILN_LLVM_DEFINITIONS})
target_link_libraries(KilnLLVM INTERFACE LLVM)
