# Kiln: the two entry points from README.md, and the steps they are made of.
#   make demo   install what is missing, build, run the bundled example
#   make check  the same, then every test (unit, lit, spec suite, fuzz smoke, TSan,
#               the spec suite as arm64 code under qemu)

BUILD_DIR   ?= build
FUZZ_DIR    ?= build-fuzz
TSAN_DIR    ?= build-tsan
AARCH64_DIR ?= build-aarch64
JOBS        ?= $(shell nproc)
CXX_COMPILER ?= clang++-19
C_COMPILER   ?= clang-19
FUZZ_SECONDS ?= 60
CMAKE_FLAGS ?=

.PHONY: all deps configure build demo check test fuzz-build fuzz-smoke tsan arm64 clean

all: build

deps:
	./scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja \
	  -DCMAKE_CXX_COMPILER=$(CXX_COMPILER) -DCMAKE_C_COMPILER=$(C_COMPILER) $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	./scripts/demo.sh $(BUILD_DIR)

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS); status=$$?; \
	  ./scripts/print-test-summary.sh $(BUILD_DIR); exit $$status

# A separate ASan+UBSan build with libFuzzer; each fuzzer runs briefly.
fuzz-build: deps
	cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 \
	  -DKILN_FUZZ=ON -DKILN_SANITIZE=address,undefined -DKILN_BUILD_TESTS=OFF
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target kiln-fuzzers

fuzz-smoke: fuzz-build
	./scripts/run-fuzzers.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

# A separate ThreadSanitizer build of the concurrency tests (the Engine's
# compiled-module cache, many Stores sharing a module); any report fails the run. docs/Cache.md explains
# why no suppressions are needed for oneTBB.
tsan: deps
	cmake -S . -B $(TSAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 -DKILN_SANITIZE=thread
	cmake --build $(TSAN_DIR) -j $(JOBS) --target Engine-unittests Runtime-unittests
	TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" $(TSAN_DIR)/unittests/Engine-unittests
	TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" $(TSAN_DIR)/unittests/Runtime-unittests

# arm64, verified by running it: the runtime and a kiln without LLVM
# cross-built for aarch64 (cmake/aarch64-linux-gnu.cmake), spec scripts
# compiled for aarch64 by the host's kiln and run under qemu-aarch64
# (docs/AOTFormat.md, "Running on another machine").
AARCH64_BOOST = $(abspath $(AARCH64_DIR))/deps/usr/lib/aarch64-linux-gnu/libboost_program_options.a
arm64: configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target kiln
	./scripts/fetch-arm64-deps.sh $(AARCH64_DIR)/deps > /dev/null
	cmake -S . -B $(AARCH64_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DKILN_WITH_LLVM=OFF \
	  -DCMAKE_TOOLCHAIN_FILE=cmake/aarch64-linux-gnu.cmake -DKILN_CROSS_BOOST_PROGRAM_OPTIONS=$(AARCH64_BOOST)
	cmake --build $(AARCH64_DIR) -j $(JOBS) --target kiln kiln-runtime
	./scripts/run-arm64-spec.sh $(BUILD_DIR) $(AARCH64_DIR)

check: test fuzz-smoke tsan arm64

clean:
	rm -rf $(BUILD_DIR) $(FUZZ_DIR) $(TSAN_DIR) $(AARCH64_DIR)
