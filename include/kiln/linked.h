/*===- kiln/linked.h - C API for Wasm modules linked into a program -----===*
 *
 * `wasm2native --emit=obj --header NAME.h` writes an object file and a header
 * of typed wrappers (NAME_instantiate, NAME_export_<export>, ...) over this
 * API. The program links the object with Kiln's runtime archive
 * (libkiln-runtime.a) and `-lstdc++ -lm -lpthread`; docs/AOTFormat.md
 * describes the layout. Calls on one instance must not run concurrently;
 * separate instances may run on separate threads.
 *
 *===---------------------------------------------------------------------===*/
#ifndef KILN_LINKED_H
#define KILN_LINKED_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Where the linker placed one module's pieces (filled in by the generated
 * header from the object's symbols). */
typedef struct kiln_linked_module {
  const unsigned char *header_begin;
  const unsigned char *header_end;
  void *const *functions;
  void *const *entries;
  void *const *host_adapters;
  const void *code_begin; /* null when the module has no code */
  const void *code_end;
} kiln_linked_module;

/* What a module importing WASI (wasi_snapshot_preview1) sees. Passing NULL
 * means: argv = { module name }, no environment, no directories, and this
 * process's stdin, stdout and stderr. */
typedef struct kiln_wasi_config {
  int argc;                          /* entries in argv */
  const char *const *argv;           /* argv[0] is the program's name */
  const char *const *envp;           /* "KEY=VALUE" strings ending in NULL, or NULL */
  size_t preopen_count;              /* directories the guest may open files under */
  const char *const *preopen_host;   /* host path of each */
  const char *const *preopen_guest;  /* the name the guest sees, e.g. "." or "/data" */
} kiln_wasi_config;

/* One Wasm value crossing into or out of the module. */
typedef union kiln_value {
  int32_t i32;
  int64_t i64;
  float f32;
  double f64;
} kiln_value;

/* Results of kiln_instantiate and kiln_instance_call. */
enum {
  KILN_OK = 0,
  KILN_TRAP = 1,  /* the Wasm code trapped; the message says why */
  KILN_EXIT = 2,  /* the program called WASI proc_exit; see kiln_instance_exit_code */
  KILN_ERROR = 3  /* nothing ran: bad module, unknown import or export, wrong arity */
};

typedef struct kiln_instance kiln_instance;

/* Instantiates `module` (running its start function). `*out` receives an
 * instance even on failure, so that kiln_instance_message can say why (NULL
 * only when memory ran out); free it with kiln_instance_free. A module
 * importing anything other than WASI cannot be instantiated: KILN_ERROR. */
int kiln_instantiate(const kiln_linked_module *module, const char *name,
                     const kiln_wasi_config *wasi, kiln_instance **out);

/* Releases the instance, its memories and its WASI state; NULL is a no-op. */
void kiln_instance_free(kiln_instance *instance);

/* Calls the exported function `export_name`. `args` and `results` hold the
 * values in the function's order; the counts must match its type. */
int kiln_instance_call(kiln_instance *instance, const char *export_name, const kiln_value *args,
                       size_t arg_count, kiln_value *results, size_t result_count);

/* The message of the last failure on `instance` ("" when there was none;
 * "out of memory" for a NULL instance). Valid until the next call on it. */
const char *kiln_instance_message(const kiln_instance *instance);

/* The code given to proc_exit once a call returned KILN_EXIT, else -1. */
int kiln_instance_exit_code(const kiln_instance *instance);

#ifdef __cplusplus
}
#endif

#endif /* KILN_LINKED_H */
