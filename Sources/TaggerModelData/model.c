// The tagger model, built into the binary with C23 #embed: no file to find at run time (the
// static release binary runs alone on a cluster node), no parsing at start-up. Regenerate
// the model with `make tagger-model`; see model/README.md for its provenance and licence.
#include "TaggerModelData.h"

#pragma clang diagnostic ignored "-Wc23-extensions"

// 64-byte aligned: the model's tables are read in place as UInt64 words.
static const unsigned char model[] __attribute__((aligned(64))) = {
#embed "model/ewt-tagger.bin"
};

// The forms of the model's lemma exceptions (`lemma<TAB>form` lines), which the model keeps
// only as hashes: read when a rule's lemma test is compiled (`Tagger.lemmaForms`).
static const unsigned char lemma_forms[] = {
#embed "model/ewt-lemma-forms.txt"
};

const unsigned char *claimex_tagger_model(void) { return model; }
size_t claimex_tagger_model_size(void) { return sizeof model; }
const unsigned char *claimex_lemma_forms(void) { return lemma_forms; }
size_t claimex_lemma_forms_size(void) { return sizeof lemma_forms; }
