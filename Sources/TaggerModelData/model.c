// The tagger model, built into the binary with C23 #embed: no file to find at run time (the
// static release binary runs alone on a cluster node), no parsing at start-up. Regenerate
// the model with `make tagger-model`; see model/README.md for its provenance and licence.
#include "TaggerModelData.h"

#pragma clang diagnostic ignored "-Wc23-extensions"

// 64-byte aligned: the model's tables are read in place as UInt64 words.
static const unsigned char model[] __attribute__((aligned(64))) = {
#embed "model/ewt-tagger.bin"
};

const unsigned char *claimex_tagger_model(void) { return model; }
size_t claimex_tagger_model_size(void) { return sizeof model; }
