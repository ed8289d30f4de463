# Toolchain file: cross-build Kiln for arm64 Linux on a Debian x86-64 machine.
#   cmake -S . -B build-aarch64 -G Ninja -DKILN_WITH_LLVM=OFF \
#         -DCMAKE_TOOLCHAIN_FILE=cmake/aarch64-linux-gnu.cmake \
#         -DKILN_CROSS_BOOST_PROGRAM_OPTIONS=/path/to/libboost_program_options.a
# Compilers and C library: Debian's g++-aarch64-linux-gnu and
# libc6-dev-arm64-cross (sysroot /usr/aarch64-linux-gnu). Only the LLVM-free
# part of Kiln is built this way; the other libraries it needs are described
# in cmake/KilnCrossDependencies.cmake. Programs run under qemu-aarch64
# (Debian's qemu-user), which ctest uses as the emulator.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
# GCC 12 warns -Wrestrict about libstdc++'s own std::string operator+ once
# it inlines it (GCC bug 105329, fixed in 13): noise about code that is not ours.
set(CMAKE_CXX_FLAGS_INIT "-Wno-restrict")

set(KILN_CROSS_SYSROOT /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH ${KILN_CROSS_SYSROOT})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# -L: where the emulated program's dynamic loader and libraries live.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L ${KILN_CROSS_SYSROOT})
