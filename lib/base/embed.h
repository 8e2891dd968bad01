/*
 * embed.h — the files of schema/ compiled into the library.
 *
 * The build generates embedded.c from the .sql and .yaml files of schema/
 * and schema/lang/ (cmake/embed.cmake), so the binary runs from any
 * directory.  Paths are relative to schema/: "001_init.sql",
 * "gazetteer.yaml", "lang/en.yaml", "queries.yaml".  Every file's data is
 * NUL-terminated (len excludes the NUL).
 */
#ifndef DOSSIER_EMBED_H
#define DOSSIER_EMBED_H

#include <stddef.h>

typedef struct {
    const char *path;
    const unsigned char *data;
    size_t len;
} dossier_embedded_file;

extern const dossier_embedded_file dossier_embedded_files[];
extern const size_t dossier_embedded_nfiles;

/* The tagger models, schema/models/<lang>.model, as "models/en.model" (embedded_models.c). */
extern const dossier_embedded_file dossier_embedded_models[];
extern const size_t dossier_embedded_nmodels;

#endif /* DOSSIER_EMBED_H */
