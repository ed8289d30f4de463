//===- DiskCacheHelpers.h - Folders, files and modules for disk tests -*- C++ -*-===//
#ifndef KILN_UNITTESTS_ENGINE_DISKCACHEHELPERS_H
#define KILN_UNITTESTS_ENGINE_DISKCACHEHELPERS_H

#include "kiln/Engine/DiskCache.h"
#include "kiln/Engine/Engine.h"
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/Store.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace kiln::engine::test {

/// A fresh folder under $TMPDIR, removed with everything in it.
class TemporaryFolder {
public:
  TemporaryFolder() {
    const char *Base = std::getenv("TMPDIR");
    std::string Template = std::string(Base && *Base ? Base : "/tmp") + "/kiln-disk-test-XXXXXX";
    Path = mkdtemp(Template.data()) ? Template : std::string();
  }
  ~TemporaryFolder() {
    std::error_code Ignored;
    if (!Path.empty())
      std::filesystem::remove_all(Path, Ignored);
  }
  const std::string &path() const { return Path; }

private:
  std::string Path;
};

inline std::vector<uint8_t> readBytes(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(In), {});
}

inline void writeBytes(const std::string &Path, const std::vector<uint8_t> &Bytes) {
  std::ofstream Out(Path, std::ios::binary | std::ios::trunc);
  Out.write(reinterpret_cast<const char *>(Bytes.data()), Bytes.size());
}

/// The regular files in `Folder` (none when it does not exist).
inline std::vector<std::string> filesIn(const std::string &Folder) {
  std::vector<std::string> Names;
  std::error_code Error;
  for (const auto &Entry : std::filesystem::directory_iterator(Folder, Error))
    Names.push_back(Entry.path().filename().string());
  return Names;
}

/// (module (func (export "answer") (result i32) (i32.const V))), V < 64.
inline std::vector<uint8_t> answerModule(uint8_t Value) {
  return {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00,
          0x01, 0x7f, 0x03, 0x02, 0x01, 0x00, 0x07, 0x0a, 0x01, 0x06, 'a',  'n',  's',
          'w',  'e',  'r',  0x00, 0x00, 0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, Value, 0x0b};
}

/// (module (memory 1) (data (i32.const 0) "\2a\00\00\00")
///   (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
///   (func (export "trap") unreachable))
inline std::vector<uint8_t> memoryModule() {
  return {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
          // types: (i32) -> i32, () -> ()
          0x01, 0x09, 0x02, 0x60, 0x01, 0x7f, 0x01, 0x7f, 0x60, 0x00, 0x00,
          // functions
          0x03, 0x03, 0x02, 0x00, 0x01,
          // memory: min 1 page
          0x05, 0x03, 0x01, 0x00, 0x01,
          // exports "load" and "trap"
          0x07, 0x0f, 0x02, 0x04, 'l', 'o', 'a', 'd', 0x00, 0x00, 0x04, 't', 'r', 'a', 'p', 0x00,
          0x01,
          // code
          0x0a, 0x0d, 0x02, 0x07, 0x00, 0x20, 0x00, 0x28, 0x02, 0x00, 0x0b, 0x03, 0x00, 0x00, 0x0b,
          // data: 42 at address 0
          0x0b, 0x0a, 0x01, 0x00, 0x41, 0x00, 0x0b, 0x04, 0x2a, 0x00, 0x00, 0x00};
}

/// Instantiates `Module` in a fresh Store and calls `Export` with `Args`;
/// returns the single i32 result, or ~0u on any error or trap.
inline uint32_t callI32(const std::shared_ptr<const runtime::CompiledModule> &Module,
                        const char *Export, std::vector<runtime::Value> Args = {}) {
  runtime::Store Store;
  auto Instance = Store.instantiate(Module, runtime::Imports());
  if (!Instance || !*Instance)
    return ~0u;
  auto Result = (**Instance)->call(Export, Args);
  return Result && *Result && (**Result).size() == 1 ? (**Result)[0].i32() : ~0u;
}

/// An Engine with a disk cache under `Folder` and default settings.
inline Expected<Engine> diskEngine(const std::string &Folder) {
  Config Settings;
  Settings.DiskCacheDirectory = Folder;
  return Engine::create(Settings);
}

} // namespace kiln::engine::test

#endif // KILN_UNITTESTS_ENGINE_DISKCACHEHELPERS_H
