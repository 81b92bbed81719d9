//go:build cgo && linux

package main

// A default build links the C library (cobra's flag package and excelize
// import net, whose resolver uses cgo). glibc would then give every Go
// thread its own malloc arena, reserving 64 MiB of address space each,
// and every thread an 8 MiB stack: several hundred MB that a pure Go
// build does not have, enough to fail under ulimit -v 1048576. crosscheck
// calls no C code itself, so one arena and small thread stacks (Go's own
// threads use 16 KiB without cgo) are plenty (docs/reliability.md#memory).

/*
#cgo CFLAGS: -D_GNU_SOURCE
#include <malloc.h>
#include <pthread.h>

// Runs when the C library starts, before the Go runtime makes threads.
__attribute__((constructor)) static void crosscheck_fit_c_library(void) {
#ifdef __GLIBC__
	mallopt(M_ARENA_MAX, 1);
	pthread_attr_t attr;
	if (pthread_getattr_default_np(&attr) == 0) {
		pthread_attr_setstacksize(&attr, 1 << 20);
		pthread_setattr_default_np(&attr);
		pthread_attr_destroy(&attr);
	}
#endif
}
*/
import "C"
