#ifndef CLAIMEX_TAGGER_MODEL_DATA_H
#define CLAIMEX_TAGGER_MODEL_DATA_H
#include <stddef.h>

/// The trained tagger model (model/ewt-tagger.bin), compiled into the binary.
const unsigned char *claimex_tagger_model(void);
size_t claimex_tagger_model_size(void);
/// The forms of its lemma exceptions (model/ewt-lemma-forms.txt), made with the model.
const unsigned char *claimex_lemma_forms(void);
size_t claimex_lemma_forms_size(void);

#endif
