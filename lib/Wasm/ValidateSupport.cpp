//===- ValidateSupport.cpp - Diagnostics shared by the validator ----------===//
#include "ValidateContext.h"

#include <array>

namespace kiln::wasm::validate {

namespace {
std::unexpected<Error> errorAt(ErrorKind Kind, ErrorOffset Offset, std::string Message) {
  Error E(Kind, std::move(Message));
  if (Offset)
    E.atOffset(*Offset);
  return std::unexpected(std::move(E));
}
} // namespace

std::unexpected<Error> invalidAt(ErrorOffset Offset, std::string Message) {
  return errorAt(ErrorKind::Invalid, Offset, std::move(Message));
}

std::unexpected<Error> malformedAt(ErrorOffset Offset, std::string Message) {
  return errorAt(ErrorKind::Malformed, Offset, std::move(Message));
}

std::unexpected<Error> featureDisabledAt(ErrorOffset Offset, Feature F, std::string_view What) {
  return errorAt(ErrorKind::Unsupported, Offset,
                 std::string(What) + " requires the '" + std::string(featureName(F)) +
                     "' feature, which is disabled");
}

Expected<void> requireFeature(const Features &Enabled, Feature F, std::string_view What,
                              ErrorOffset Offset) {
  if (Enabled.has(F))
    return {};
  return featureDisabledAt(Offset, F, What);
}

Expected<void> requireValTypeEnabled(const Features &Enabled, ValType Type, ErrorOffset Offset) {
  if (Type == ValType::V128)
    return requireFeature(Enabled, Feature::SIMD, "the v128 type", Offset);
  if (isRefType(Type))
    return requireFeature(Enabled, Feature::ReferenceTypes,
                          "the " + std::string(valTypeName(Type)) + " value type", Offset);
  return {};
}

std::string_view typeText(ValType Type) {
  return Type == UnknownType ? std::string_view("?") : valTypeName(Type);
}

std::string typeListText(std::span<const ValType> Types) {
  std::string Text = "[";
  for (size_t K = 0; K < Types.size(); ++K) {
    if (K != 0)
      Text += ' ';
    Text += typeText(Types[K]);
  }
  Text += ']';
  return Text;
}

std::span<const ValType> singleTypeList(ValType Type) {
  static constexpr std::array<ValType, 7> AllTypes = {
      ValType::I32,  ValType::I64,     ValType::F32,      ValType::F64,
      ValType::V128, ValType::FuncRef, ValType::ExternRef};
  for (const ValType &Candidate : AllTypes)
    if (Candidate == Type)
      return std::span<const ValType>(&Candidate, 1);
  return {};
}

} // namespace kiln::wasm::validate
