# lit configuration for Kiln: .wat/.test files with RUN: lines checked by FileCheck.
import os
import lit.formats

config.name = "Kiln"
config.test_format = lit.formats.ShTest(True)
config.suffixes = [".wat", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(os.path.dirname(config.kiln_tools_dir), "lit-tests")
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]

tools = config.kiln_tools_dir
# What C programs linking modules from wasm2native --emit=obj --header need
# (before %kiln, which would otherwise replace their prefix).
config.substitutions.append(("%kiln-runtime", os.path.join(os.path.dirname(tools), "lib", "libkiln-runtime.a")))
config.substitutions.append(("%kiln-include", os.path.join(config.kiln_src_root, "include")))
config.substitutions.append(("%kiln", os.path.join(tools, "kiln", "kiln")))
config.substitutions.append(("%wasm2native", os.path.join(tools, "wasm2native", "wasm2native")))
config.substitutions.append(("%wat2wasm", config.wat2wasm))
config.substitutions.append(("%embed-example", os.path.join(os.path.dirname(tools), "examples", "embed", "embed-example")))
# Writes hex (whitespace and ;; comments allowed) as raw bytes: malformed
# binaries are spelled out in the test itself.
config.substitutions.append(("%hex2bin", "python3 " + os.path.join(config.test_source_root, "Inputs", "hex2bin.py")))
# FileCheck, not and count come from llvm-19-tools, next to FileCheck.
llvm_bin = os.path.dirname(config.filecheck)
config.environment["PATH"] = os.pathsep.join([llvm_bin, config.environment.get("PATH", "")])

# C programs for WASI tests, compiled at test time with clang-19 against
# Debian's wasi-libc; %clang-native builds the same source for the host so
# outputs can be compared. Without the wasm sysroot the WASI tests are
# unsupported rather than failing.
import shutil
clang = shutil.which("clang-19") or "/usr/lib/llvm-19/bin/clang"
config.substitutions.append(("%clang-wasm", clang + " --target=wasm32-wasi --sysroot=/usr -O2"))
config.substitutions.append(("%clang-native", clang + " -O2"))
config.substitutions.append(("%examples", os.path.join(config.kiln_src_root, "examples")))
if os.path.exists("/usr/lib/wasm32-wasi/libc.a") and os.path.exists(clang):
    config.available_features.add("wasi-sdk")
