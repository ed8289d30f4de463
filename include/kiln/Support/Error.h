//===- kiln/Support/Error.h - Errors as values -------------------*- C++ -*-===//
//
// Kiln reports every failure on untrusted input as a value, never by throwing
// or aborting: `Expected<T>` carries either a result or an `Error` that knows
// where in the input it happened.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_SUPPORT_ERROR_H
#define KILN_SUPPORT_ERROR_H

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace kiln {

/// What went wrong, coarsely; tools and the spec runner branch on this.
enum class ErrorKind : uint8_t {
  Malformed,   ///< The bytes are not a well-formed binary (spec: "malformed").
  Invalid,     ///< Well-formed but fails validation (spec: "invalid").
  Unsupported, ///< Uses a feature that is disabled or not implemented.
  Unlinkable,  ///< Imports cannot be resolved.
  Io,          ///< Reading or writing a file failed.
  Usage,       ///< A tool was called the wrong way.
  Internal,    ///< Something outside Kiln failed (a child process, a library).
};

/// Returns "malformed", "invalid", ... for messages and JSON.
std::string_view errorKindName(ErrorKind Kind);

/// One failure: a kind, a message, and for input errors where it happened.
class Error {
public:
  Error(ErrorKind Kind, std::string Message) : Kind(Kind), Message(std::move(Message)) {}
  Error(ErrorKind Kind, std::string Message, uint64_t ByteOffset)
      : Kind(Kind), Message(std::move(Message)), ByteOffset(ByteOffset) {}

  ErrorKind kind() const { return Kind; }
  const std::string &message() const { return Message; }
  std::optional<uint64_t> byteOffset() const { return ByteOffset; }
  std::optional<uint32_t> functionIndex() const { return FunctionIndex; }

  /// Records which function body the error is in (validator, translator).
  Error &inFunction(uint32_t Index) {
    FunctionIndex = Index;
    return *this;
  }
  Error &atOffset(uint64_t Offset) {
    ByteOffset = Offset;
    return *this;
  }

  /// Renders like a compiler diagnostic:
  /// `m.wasm:0x1a3: in function 4: expected 'end' (0x0b), found 0x41`.
  /// `InputName` may be empty.
  std::string format(std::string_view InputName = {}) const;

private:
  ErrorKind Kind;
  std::string Message;
  std::optional<uint64_t> ByteOffset;
  std::optional<uint32_t> FunctionIndex;
};

template <typename T> using Expected = std::expected<T, Error>;

/// Shorthand for `std::unexpected(Error(...))` at return sites.
inline std::unexpected<Error> makeError(ErrorKind Kind, std::string Message) {
  return std::unexpected(Error(Kind, std::move(Message)));
}
inline std::unexpected<Error> makeError(ErrorKind Kind, std::string Message, uint64_t ByteOffset) {
  return std::unexpected(Error(Kind, std::move(Message), ByteOffset));
}

/// Passes on the error of a failed `Expected` of any type:
/// `if (!Count) return forwardError(Count);`
template <typename T> std::unexpected<Error> forwardError(const Expected<T> &Failed) {
  return std::unexpected(Failed.error());
}

/// Formats a byte as `0x0b` for messages.
std::string hexByte(uint8_t Byte);
/// Formats an offset as `0x1a3` for messages.
std::string hexOffset(uint64_t Offset);

} // namespace kiln

#endif // KILN_SUPPORT_ERROR_H
