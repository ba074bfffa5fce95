#ifndef FACTDESK_CGIT2_SHIM_H
#define FACTDESK_CGIT2_SHIM_H
#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one non-variadic wrapper per option used. */
static inline int cgit2_set_fsync_gitdir(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}
#endif
