// Counts Swift reference-count operations on objects that more than one thread touches: the
// atomic writes two batch workers make to the same cache line (docs/benchmarks.md, issue 20).
// A diagnostic, not part of the build:
//   cc -O2 -shared -fPIC -o /tmp/shared-refcounts.so scripts/shared-refcounts.c -ldl
//   LD_PRELOAD=/tmp/shared-refcounts.so SHARED_RC_OUT=/tmp/rc.tsv .build/release/claimex
//     extract DIR --quiet --jobs 2 -o /dev/shm/out.jsonl     (one command line)
// Each line of the output: thread id, operations by this thread, by the others (same object
// and call site), call site and the object's type metadata (module@offset when the symbol is
// not exported: look it up with `nm -n` on that file). Sum the second column for a total.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define SLOTS (1 << 20)
#define THREADS 64
typedef struct { void *obj, *site, *isa; uint64_t n; } entry;
typedef struct { entry *t; int tid; } table;
static table tables[THREADS];
static int ntables;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static __thread table *mine;
static __thread int busy;

static uintptr_t slot(void *obj, void *site) {
  return ((uintptr_t)obj * 0x9E3779B97F4A7C15ull ^ (uintptr_t)site * 0xC2B2AE3D27D4EB4Full) >> 44;
}

static void note(void *obj, void *site) {
  // tagged and immortal values (small strings, the empty array) write no count
  if (busy || (uintptr_t)obj < 0x100000 || ((uintptr_t)obj >> 56) != 0) return;
  busy = 1;
  if (!mine) {
    pthread_mutex_lock(&lock);
    if (ntables < THREADS) {
      mine = &tables[ntables++];
      mine->t = calloc(SLOTS, sizeof(entry));
      mine->tid = (int)syscall(SYS_gettid);
    }
    pthread_mutex_unlock(&lock);
  }
  if (mine) {
    for (uintptr_t h = slot(obj, site);; h++) {
      entry *e = &mine->t[h & (SLOTS - 1)];
      if (e->obj == obj && e->site == site) { e->n++; break; }
      if (!e->obj) { e->obj = obj; e->site = site; e->isa = *(void **)obj; e->n = 1; break; }
    }
  }
  busy = 0;
}

#define OBJ(o) ((void *)((uintptr_t)(o) & 0x0fffffffffffffffull))
#define WRAP(name, ret, params, args)                                                 \
  static ret(*real_##name) params;                                                     \
  ret name params {                                                                    \
    if (!real_##name) real_##name = dlsym(RTLD_NEXT, #name);                           \
    note(OBJ(o), __builtin_return_address(0));                                         \
    return real_##name args;                                                           \
  }
WRAP(swift_retain, void *, (void *o), (o))
WRAP(swift_release, void, (void *o), (o))
WRAP(swift_retain_n, void *, (void *o, uint32_t n), (o, n))
WRAP(swift_release_n, void, (void *o, uint32_t n), (o, n))
WRAP(swift_bridgeObjectRetain, void *, (void *o), (o))
WRAP(swift_bridgeObjectRelease, void, (void *o), (o))
WRAP(swift_bridgeObjectRetain_n, void *, (void *o, int n), (o, n))
WRAP(swift_bridgeObjectRelease_n, void, (void *o, int n), (o, n))

static const char *name(void *p, char *buf, size_t len) {
  Dl_info d;
  if (dladdr(p, &d) && d.dli_sname)
    snprintf(buf, len, "%s+%ld", d.dli_sname, (long)((char *)p - (char *)d.dli_saddr));
  else if (dladdr(p, &d) && d.dli_fname)
    snprintf(buf, len, "%s@0x%lx", strrchr(d.dli_fname, '/') ? strrchr(d.dli_fname, '/') + 1 : d.dli_fname,
             (long)((char *)p - (char *)d.dli_fbase));
  else
    snprintf(buf, len, "%p", p);
  return buf;
}

__attribute__((destructor)) static void report(void) {
  busy = 1;
  const char *path = getenv("SHARED_RC_OUT");
  FILE *f = fopen(path ? path : "/tmp/shared-refcounts.tsv", "w");
  if (!f) return;
  void *empty = dlsym(RTLD_DEFAULT, "$ss19__EmptyArrayStorageCN");
  for (int a = 0; a < ntables; a++)
    for (size_t i = 0; i < SLOTS; i++) {
      entry *e = &tables[a].t[i];
      if (!e->obj || e->isa == empty) continue;
      uint64_t others = 0;
      for (int b = 0; b < ntables; b++) {
        if (b == a) continue;
        for (uintptr_t h = slot(e->obj, e->site);; h++) {
          entry *g = &tables[b].t[h & (SLOTS - 1)];
          if (!g->obj) break;
          if (g->obj == e->obj && g->site == e->site) { others += g->n; break; }
        }
      }
      if (!others) continue;
      char s1[512], s2[512];
      fprintf(f, "%d\t%lu\t%lu\t%s\t%s\n", tables[a].tid, (unsigned long)e->n, (unsigned long)others,
              name(e->site, s1, sizeof s1), name(e->isa, s2, sizeof s2));
    }
  fclose(f);
}
