# Third-party libraries for a cross build, without installing foreign-
# architecture packages.
#
# The LLVM-free part of Kiln uses three libraries besides libc and libstdc++:
# oneTBB and nlohmann-json, of which it uses only headers, and
# Boost.Program_options, which has a compiled part. Debian's headers of all
# three are the same files for every architecture (their -dev packages are
# "Multi-Arch: same"), so the build machine's headers serve the target. The
# compiled part is a static archive for the target, given as
# KILN_CROSS_BOOST_PROGRAM_OPTIONS (scripts/fetch-arm64-deps.sh extracts it
# from Debian's arm64 package, version-matched to the installed headers).
#
# Why not `dpkg --add-architecture arm64` and apt-get install the :arm64
# -dev packages: libboost1.74-dev:arm64 pulls in libc6-dev:arm64 and
# linux-libc-dev:arm64, which must have exactly the version of their amd64
# twins, so apt upgrades the build machine's kernel headers (and through
# libtbb12's hwloc dependency, systemd's libudev) to the archive's latest.
# That is slow and changes headers every other build depends on.
#
# The headers are offered through a folder of links to the few include
# directories needed, never /usr/include itself: that would put the build
# machine's C library headers in front of the target's.
set(KILN_CROSS_BOOST_PROGRAM_OPTIONS "" CACHE FILEPATH
    "Static libboost_program_options.a built for the target (scripts/fetch-arm64-deps.sh)")
if(NOT EXISTS "${KILN_CROSS_BOOST_PROGRAM_OPTIONS}")
  message(FATAL_ERROR "Kiln cross build: set KILN_CROSS_BOOST_PROGRAM_OPTIONS to a "
                      "libboost_program_options.a for ${CMAKE_SYSTEM_PROCESSOR} "
                      "(scripts/fetch-arm64-deps.sh DIR fetches Debian's)")
endif()

set(Kiln_CROSS_HEADERS ${CMAKE_BINARY_DIR}/cross-headers)
file(MAKE_DIRECTORY ${Kiln_CROSS_HEADERS})
foreach(Dir boost oneapi tbb nlohmann)
  if(NOT IS_DIRECTORY /usr/include/${Dir})
    message(FATAL_ERROR "Kiln cross build: /usr/include/${Dir} is missing; run scripts/install-deps.sh")
  endif()
  file(CREATE_LINK /usr/include/${Dir} ${Kiln_CROSS_HEADERS}/${Dir} SYMBOLIC)
endforeach()

# The Runtime uses oneTBB's containers with std::allocator: headers only, so
# no libtbb is linked (a use that needs it fails to link, loudly).
add_library(TBB::tbb INTERFACE IMPORTED GLOBAL)
set_target_properties(TBB::tbb PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${Kiln_CROSS_HEADERS})

add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED GLOBAL)
set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
                      INTERFACE_INCLUDE_DIRECTORIES ${Kiln_CROSS_HEADERS})

add_library(Boost::program_options STATIC IMPORTED GLOBAL)
set_target_properties(Boost::program_options PROPERTIES
                      IMPORTED_LOCATION ${KILN_CROSS_BOOST_PROGRAM_OPTIONS}
                      INTERFACE_INCLUDE_DIRECTORIES ${Kiln_CROSS_HEADERS})
