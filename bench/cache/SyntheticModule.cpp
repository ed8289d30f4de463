//===- SyntheticModule.cpp - A module to compile, made on the spot --------===//
#include "SyntheticModule.h"

namespace kiln::bench {

namespace {

void uleb(std::vector<uint8_t> &Out, uint64_t Value) {
  do {
    uint8_t Byte = Value & 0x7f;
    Value >>= 7;
    Out.push_back(Value ? Byte | 0x80 : Byte);
  } while (Value);
}

void sleb(std::vector<uint8_t> &Out, int64_t Value) {
  while (true) {
    uint8_t Byte = Value & 0x7f;
    Value >>= 6; // Keep the sign bit in view before the final shift.
    bool Done = Value == 0 || Value == -1;
    Value >>= 1;
    if (Done) {
      Out.push_back(Byte);
      return;
    }
    Out.push_back(Byte | 0x80);
  }
}

void section(std::vector<uint8_t> &Module, uint8_t Id, const std::vector<uint8_t> &Body) {
  Module.push_back(Id);
  uleb(Module, Body.size());
  Module.insert(Module.end(), Body.begin(), Body.end());
}

std::vector<uint8_t> functionBody(uint32_t Index, uint32_t Salt) {
  std::vector<uint8_t> Code = {0x00, 0x20, 0x00}; // no locals; local.get 0
  for (uint32_t Step = 0; Step < 8; ++Step) {
    int32_t Constant = static_cast<int32_t>((Index * 2654435761u) ^ (Step * 40503u) ^ Salt) | 1;
    Code.push_back(0x41); // i32.const
    sleb(Code, Constant);
    Code.push_back(0x6c);              // i32.mul
    Code.insert(Code.end(), {0x20, 0x00, 0x73}); // local.get 0; i32.xor
    Code.insert(Code.end(), {0x41, static_cast<uint8_t>(Step + 1), 0x77}); // i32.rotl
  }
  if (Index > 0) {
    Code.push_back(0x10); // call Index - 1
    uleb(Code, Index - 1);
  }
  Code.push_back(0x0b);
  std::vector<uint8_t> Sized;
  uleb(Sized, Code.size());
  Sized.insert(Sized.end(), Code.begin(), Code.end());
  return Sized;
}

} // namespace

std::vector<uint8_t> syntheticModule(uint32_t FunctionCount, uint32_t Salt) {
  std::vector<uint8_t> Module = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  section(Module, 1, {0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f});
  std::vector<uint8_t> Functions;
  uleb(Functions, FunctionCount);
  Functions.insert(Functions.end(), FunctionCount, 0x00);
  section(Module, 3, Functions);
  std::vector<uint8_t> Exports = {0x01, 0x03, 'r', 'u', 'n', 0x00};
  uleb(Exports, FunctionCount - 1);
  section(Module, 7, Exports);
  std::vector<uint8_t> Code;
  uleb(Code, FunctionCount);
  for (uint32_t I = 0; I < FunctionCount; ++I) {
    std::vector<uint8_t> Body = functionBody(I, Salt);
    Code.insert(Code.end(), Body.begin(), Body.end());
  }
  section(Module, 10, Code);
  return Module;
}

} // namespace kiln::bench
