#ifndef FUZZ_DRIVER_H
#define FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// One fuzzing input; returns 0 (libFuzzer reserves other values).
typedef int (*FuzzCallback)(const uint8_t *data, size_t size);

/// Runs libFuzzer (its command-line flags, corpus folders, -max_total_time...) on `callback`.
/// SwiftPM gives every executable its own `main`, so the fuzzers cannot use libFuzzer's `main`
/// and start it through `LLVMFuzzerRunDriver` instead.
int fuzz_driver_run(int argc, char **argv, FuzzCallback callback);

#endif
