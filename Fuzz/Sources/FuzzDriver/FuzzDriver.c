#include "FuzzDriver.h"

// Part of libFuzzer (libclang_rt.fuzzer), linked in by -sanitize=fuzzer; no header ships with it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int fuzz_driver_run(int argc, char **argv, FuzzCallback callback) {
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}
