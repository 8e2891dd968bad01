/* header_alone.c — compiles dossier.h on its own with -Werror -pedantic. */
#include "dossier.h"

int header_alone_check(void);

/* Uses a few declarations so the compiler reads them. */
int header_alone_check(void)
{
    dossier_options o = {0};
    return o.max_article_bytes == 0 ? DOSSIER_OK : DOSSIER_ERROR;
}
