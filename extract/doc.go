// Package extract drafts a knowledge base from a Chinese news article: the
// secondments (挂职) and agreements it reports, the officials, bodies and
// companies involved, each fact with the sentence that states it.
package extract
