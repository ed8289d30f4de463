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
