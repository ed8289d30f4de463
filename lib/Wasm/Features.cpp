//===- Features.cpp - Feature names and parsing ---------------------------===//
#include "kiln/Wasm/Features.h"

#include <array>

namespace kiln::wasm {

namespace {
struct FeatureRow {
  std::string_view Name;
  bool InWasm20;
};
constexpr std::array<FeatureRow, static_cast<size_t>(Feature::Count)> FeatureRows = {{
#define KILN_FEATURE_ROW(Name, Text, Default) {Text, Default},
    KILN_FEATURES(KILN_FEATURE_ROW)
#undef KILN_FEATURE_ROW
}};
} // namespace

std::string_view featureName(Feature F) { return FeatureRows[static_cast<size_t>(F)].Name; }

Features Features::wasm20() {
  Features Result;
  for (size_t I = 0; I < FeatureRows.size(); ++I)
    Result.Bits.set(I, FeatureRows[I].InWasm20);
  return Result;
}

Features Features::mvpOnly() {
  Features Result;
  Result.set(Feature::MVP);
  return Result;
}

Expected<Features> Features::withChanges(std::string_view Spec) const {
  Features Result = *this;
  while (!Spec.empty()) {
    size_t Comma = Spec.find(',');
    std::string_view Item = Spec.substr(0, Comma);
    Spec = Comma == std::string_view::npos ? std::string_view() : Spec.substr(Comma + 1);
    if (Item.empty())
      continue;
    if (Item == "all" || Item == "none") {
      for (size_t I = 0; I < FeatureRows.size(); ++I)
        Result.Bits.set(I, Item == "all");
      Result.set(Feature::MVP);
      continue;
    }
    bool On = true;
    if (Item.front() == '+' || Item.front() == '-') {
      On = Item.front() == '+';
      Item.remove_prefix(1);
    }
    bool Found = false;
    for (size_t I = 0; I < FeatureRows.size(); ++I) {
      if (FeatureRows[I].Name == Item) {
        Result.Bits.set(I, On);
        Found = true;
      }
    }
    if (!Found)
      return makeError(ErrorKind::Usage, "unknown WebAssembly feature '" + std::string(Item) + "'");
  }
  return Result;
}

std::string Features::describe() const {
  std::string Out;
  for (size_t I = 0; I < FeatureRows.size(); ++I) {
    if (!Bits.test(I))
      continue;
    if (!Out.empty())
      Out += ',';
    Out += '+';
    Out += FeatureRows[I].Name;
  }
  return Out;
}

} // namespace kiln::wasm
