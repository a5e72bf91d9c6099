// glibc's mallopt and its parameters (malloc.h is not in Swift's Glibc module).
#if defined(__linux__)
#include <malloc.h>
#endif
