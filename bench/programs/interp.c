/* interp.c - A stack bytecode interpreter dispatching through a table of
   function pointers: every instruction is an indirect call. */
#include "common.h"

enum Op { Push, Load, Store, Add, Mul, Xor, Shr, Mod, Lt, Jz, Jnz, Jmp, Halt, OpCount };

typedef struct VM {
  const int32_t *code;
  int32_t pc, sp, running;
  uint32_t stack[32];
  uint32_t locals[8];
} VM;

typedef void (*Handler)(VM *);

static void opPush(VM *vm) { vm->stack[vm->sp++] = (uint32_t)vm->code[vm->pc + 1]; vm->pc += 2; }
static void opLoad(VM *vm) { vm->stack[vm->sp++] = vm->locals[vm->code[vm->pc + 1]]; vm->pc += 2; }
static void opStore(VM *vm) { vm->locals[vm->code[vm->pc + 1]] = vm->stack[--vm->sp]; vm->pc += 2; }
#define BINARY(Name, Expr)                                                                 \
  static void Name(VM *vm) {                                                               \
    uint32_t b = vm->stack[--vm->sp], a = vm->stack[vm->sp - 1];                           \
    vm->stack[vm->sp - 1] = (Expr);                                                        \
    vm->pc += 1;                                                                           \
  }
BINARY(opAdd, a + b)
BINARY(opMul, a * b)
BINARY(opXor, a ^ b)
BINARY(opShr, a >> (b & 31))
BINARY(opMod, b ? a % b : 0)
BINARY(opLt, a < b)
static void opJz(VM *vm) { vm->pc = vm->stack[--vm->sp] ? vm->pc + 2 : vm->code[vm->pc + 1]; }
static void opJnz(VM *vm) { vm->pc = vm->stack[--vm->sp] ? vm->code[vm->pc + 1] : vm->pc + 2; }
static void opJmp(VM *vm) { vm->pc = vm->code[vm->pc + 1]; }
static void opHalt(VM *vm) { vm->running = 0; }

static const Handler Handlers[OpCount] = {opPush, opLoad, opStore, opAdd, opMul, opXor, opShr,
                                          opMod,  opLt,   opJz,    opJnz, opJmp, opHalt};

static int32_t code[128];
static int32_t length;
static void emit(int32_t op) { code[length++] = op; }
static void emit2(int32_t op, int32_t arg) { emit(op); emit(arg); }

/* for (i = 0; i < n; ++i) { acc = acc*31 + (i ^ (i >> 3)); if (i % 3 == 0) acc += i; } */
static void assemble(void) {
  emit2(Push, 0); emit2(Store, 0);
  int32_t loop = length;
  emit2(Load, 0); emit2(Load, 2); emit(Lt);
  int32_t exitJump = length;
  emit2(Jz, -1);
  emit2(Load, 1); emit2(Push, 31); emit(Mul);
  emit2(Load, 0); emit2(Load, 0); emit2(Push, 3); emit(Shr); emit(Xor); emit(Add);
  emit2(Store, 1);
  emit2(Load, 0); emit2(Push, 3); emit(Mod);
  int32_t skipJump = length;
  emit2(Jnz, -1);
  emit2(Load, 1); emit2(Load, 0); emit(Add); emit2(Store, 1);
  code[skipJump + 1] = length;
  emit2(Load, 0); emit2(Push, 1); emit(Add); emit2(Store, 0);
  emit2(Jmp, loop);
  code[exitJump + 1] = length;
  emit(Halt);
}

int main(int argc, char **argv) {
  uint32_t n = (uint32_t)bench_size(argc, argv, 3000000);
  assemble();
  VM vm = {.code = code, .pc = 0, .sp = 0, .running = 1};
  vm.locals[2] = n;
  while (vm.running)
    Handlers[vm.code[vm.pc]](&vm);
  uint32_t expect = 0;
  for (uint32_t i = 0; i < n; ++i) {
    expect = expect * 31 + (i ^ (i >> 3));
    if (i % 3 == 0)
      expect += i;
  }
  if (expect != vm.locals[1]) {
    printf("interpreter result %u, expected %u\n", vm.locals[1], expect);
    return 1;
  }
  printf("interp(%u) = %u\n", n, vm.locals[1]);
  bench_checksum("interp", vm.locals[1]);
  return 0;
}
